import { z } from "zod";
import { withoutControlCharacters } from "../utils/control-characters";
import { isSlug } from "../utils/slugify";

const id = z.coerce.number().int().positive();
const slug = z
  .string()
  .trim()
  .toLowerCase()
  .max(80, "Use at most 80 characters.")
  .refine((value) => value === "" || isSlug(value), "Use lowercase letters, digits and single hyphens.")
  .default("");

export const tagSchema = z.object({
  name: z
    .string()
    .transform(withoutControlCharacters)
    .pipe(z.string().trim().min(1, "Enter a name.").max(60, "Use at most 60 characters.")),
  slug,
  description: z.string().trim().max(500, "Use at most 500 characters.").default(""),
});
export const updateTagSchema = tagSchema.extend({ id });
export const mergeTagsSchema = z.object({ fromId: id, intoId: id });
export const deleteTagSchema = z.object({ id });
