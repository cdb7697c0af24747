"use client";

import type { ReactNode } from "react";
import { CopyField } from "@/components/ui/copy-field";
import type { FormAction } from "@/lib/utils/action-result";
import { ActionForm } from "./action-form";

type Keys = { name: string; contentKey: string; adminKey: string };
type Props = {
  action: FormAction<Keys>;
  hidden?: Record<string, string | number>;
  submitLabel: string;
  children?: ReactNode;
  confirm?: string;
  idPrefix: string;
};

/** A form whose action issues API keys; the keys are shown here once, read-only, to copy. */
export function IssueKeysForm({ idPrefix, ...props }: Props) {
  return (
    <ActionForm
      variant="primary"
      {...props}
      showData={(keys) => (
        <>
          <CopyField id={`${idPrefix}-content-key`} label="Content API key" value={keys.contentKey} />
          <CopyField id={`${idPrefix}-admin-key`} label="Admin API key" value={keys.adminKey} />
        </>
      )}
    />
  );
}
