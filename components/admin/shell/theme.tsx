"use client";

import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { Toaster } from "sonner";
import { ToastArea } from "@/components/ui/toast";
import { THEME_COOKIE, type ThemeChoice } from "./theme-choice";

type ThemeState = { theme: ThemeChoice; setTheme: (theme: ThemeChoice) => void };

const ThemeContext = createContext<ThemeState>({ theme: "system", setTheme: () => {} });

export const useTheme = () => useContext(ThemeContext);

/**
 * The admin's frame: carries the person's light/dark choice as data-theme (the dark: variant reads
 * it; "system" leaves it off) and keeps the choice in a cookie scoped to /admin, so the server
 * renders the right scheme on the next page and reader pages never see it.
 */
export function AdminFrame({ initialTheme, children }: { initialTheme: ThemeChoice; children: ReactNode }) {
  const [theme, setThemeState] = useState(initialTheme);
  const setTheme = useCallback((next: ThemeChoice) => {
    setThemeState(next);
    document.cookie = `${THEME_COOKIE}=${next}; path=/admin; max-age=31536000; samesite=lax`;
  }, []);
  const value = useMemo(() => ({ theme, setTheme }), [theme, setTheme]);
  return (
    <ThemeContext.Provider value={value}>
      <div
        data-theme={theme === "system" ? undefined : theme}
        className="min-h-screen bg-zinc-50 text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100"
      >
        <ToastArea>{children}</ToastArea>
        <Toaster theme={theme} position="bottom-right" closeButton richColors />
      </div>
    </ThemeContext.Provider>
  );
}
