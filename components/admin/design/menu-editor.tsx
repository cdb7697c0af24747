"use client";

import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { CONTROL_CLASS } from "@/components/ui/field-shell";

export type MenuItem = { label: string; url: string };

const SMALL = "px-2 py-1";

/**
 * One menu (header or footer) as rows of label and address, reordered with Up/Down buttons
 * (no dragging: works with a keyboard and a screen reader). The form sends the whole menu as
 * JSON in one hidden field; lib/validations/design.ts checks each link.
 */
export function MenuEditor({
  name,
  legend,
  items,
  onChange,
  suggestions,
  errors,
}: {
  name: string;
  legend: string;
  items: MenuItem[];
  onChange: (items: MenuItem[]) => void;
  /** Addresses of pages, tags and authors, offered as the owner types. */
  suggestions: { url: string; label: string }[];
  errors?: string[];
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const update = (index: number, change: Partial<MenuItem>) =>
    onChange(items.map((item, at) => (at === index ? { ...item, ...change } : item)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...items];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    onChange(next);
  };
  return (
    <fieldset
      className="space-y-3 rounded-md border border-zinc-300 p-3 dark:border-zinc-700"
      aria-describedby={errors?.length ? errorId : undefined}
    >
      <legend className="px-1 text-sm font-medium">{legend}</legend>
      <input type="hidden" name={name} value={JSON.stringify(items)} />
      {items.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">No links yet.</p>}
      <ol className="space-y-3">
        {items.map((item, index) => {
          const row = `${legend} link ${index + 1}`;
          return (
            <li key={index} className="flex flex-wrap items-end gap-2">
              <div className="min-w-32 flex-1 space-y-1">
                <label htmlFor={`${id}-label-${index}`} className="block text-sm font-medium">
                  <span className="sr-only">{row}: </span>
                  Label
                </label>
                <input
                  id={`${id}-label-${index}`}
                  className={CONTROL_CLASS}
                  value={item.label}
                  maxLength={60}
                  onChange={(event) => update(index, { label: event.target.value })}
                />
              </div>
              <div className="min-w-48 flex-[2] space-y-1">
                <label htmlFor={`${id}-url-${index}`} className="block text-sm font-medium">
                  <span className="sr-only">{row}: </span>
                  Address
                </label>
                <input
                  id={`${id}-url-${index}`}
                  className={CONTROL_CLASS}
                  value={item.url}
                  list={`${id}-suggestions`}
                  placeholder="/about or https://…"
                  onChange={(event) => update(index, { url: event.target.value })}
                />
              </div>
              <div className="flex gap-1">
                <Button
                  type="button"
                  variant="secondary"
                  className={SMALL}
                  disabled={index === 0}
                  aria-label={`Move ${row} up`}
                  onClick={() => move(index, -1)}
                >
                  <ArrowUp className="size-4" aria-hidden />
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  className={SMALL}
                  disabled={index === items.length - 1}
                  aria-label={`Move ${row} down`}
                  onClick={() => move(index, 1)}
                >
                  <ArrowDown className="size-4" aria-hidden />
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  className={SMALL}
                  aria-label={`Remove ${row}`}
                  onClick={() => onChange(items.filter((_, at) => at !== index))}
                >
                  <Trash2 className="size-4" aria-hidden />
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <datalist id={`${id}-suggestions`}>
        {suggestions.map((suggestion) => (
          <option key={suggestion.url} value={suggestion.url} label={suggestion.label} />
        ))}
      </datalist>
      <Button
        type="button"
        variant="secondary"
        disabled={items.length >= 20}
        onClick={() => onChange([...items, { label: "", url: "" }])}
      >
        <Plus className="mr-1 size-4" aria-hidden />
        Add a link to the {legend.toLowerCase()}
      </Button>
      {errors?.length ? (
        <p id={errorId} className="text-sm text-red-700 dark:text-red-300">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
