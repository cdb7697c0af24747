"use server";

import { redirect } from "next/navigation";
import { setupSite } from "@/db/queries/setup";
import { mutation } from "../action";
import { signIn } from "../auth";
import { invalidate } from "../cache";
import { AppError } from "../errors";
import { renderPostMarkdown } from "../markdown/render";
import { hashPassword } from "../users/password";
import { slugify } from "../posts/slug";
import { STARTER_CONTENT } from "../posts/starter-content";
import { setupSchema } from "../validations/auth";

// Public on purpose: it is the only way in on a new site. setupSite() refuses once any
// staff user exists, inside its transaction, so it cannot create a second owner.
export const setupSiteAction = mutation({ schema: setupSchema, access: "public" }, async (input) => {
  const now = new Date();
  const [passwordHash, starterContent] = await Promise.all([
    hashPassword(input.password),
    Promise.all(
      STARTER_CONTENT.map(async (item) => ({
        ...item,
        ...(await renderPostMarkdown(item.markdown)),
        status: "published" as const,
        publishedAt: now,
      })),
    ),
  ]);

  const result = await setupSite({
    siteTitle: input.siteTitle,
    owner: { email: input.email, name: input.name, passwordHash, slugBase: slugify(input.name) },
    starterContent,
  });
  if (!result.ok) throw new AppError("already_setup");
  invalidate("posts", "settings", "users");

  await signIn("credentials", { email: input.email, password: input.password, redirect: false });
  redirect("/admin");
});
