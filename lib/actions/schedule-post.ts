"use server";

import { schedulePost } from "@/db/queries/post-workflow";
import { getSettings } from "@/db/queries/settings";
import { mutation } from "../action";
import { AppError } from "../errors";
import { actorOf, publishScope } from "../posts/access";
import { forbidden, statusResult } from "../posts/status";
import { zonedLocalToUtc } from "../posts/timezone";
import { scheduleSchema } from "../validations/post";

// The time is read on the site's clock (Settings → timezone) and stored in UTC.
export const schedulePostAction = mutation({ schema: scheduleSchema, access: "author" }, async (input, { user }) => {
  const scope = publishScope(user);
  if (!scope) return forbidden();
  const { timezone } = await getSettings();
  const at = zonedLocalToUtc(input.publishAt, timezone);
  if (Number.isNaN(at.getTime()) || at.getTime() <= Date.now()) {
    throw new AppError("invalid_input", undefined, { publishAt: ["Choose a time in the future, or publish now."] });
  }
  const result = await statusResult(
    await schedulePost({ id: input.id, scope, at }, actorOf(user)),
    `Scheduled for ${input.publishAt.replace("T", " ")} (${timezone}).`,
  );
  return result;
});
