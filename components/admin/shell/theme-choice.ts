// Shared by the server (reading the cookie) and the frame (writing it).
export const THEME_COOKIE = "quire-admin-theme";
export const THEME_CHOICES = ["system", "light", "dark"] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export function parseThemeChoice(value: string | undefined): ThemeChoice {
  return THEME_CHOICES.find((choice) => choice === value) ?? "system";
}
