import { expect, test } from "vitest";
import { jsonBody } from "./reply";

test("lone surrogates in a JSON body become U+FFFD; pairs are kept", async () => {
  const body = (text: string) => jsonBody(new Request("http://127.0.0.1/", { method: "POST", body: text }));
  expect(await body('{"title":"a \\ud800 b \\udfff c \\ud83d\\ude00"}')).toEqual({
    title: "a \uFFFD b \uFFFD c \u{1F600}",
  });
  expect(await body("not json")).toBeNull();
});
