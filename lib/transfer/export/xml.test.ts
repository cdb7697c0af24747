import { describe, expect, test } from "vitest";
import { rfc822, wpGmt, wpLocal } from "./wordpress-dates";
import { cdata, element, escapeXml } from "./xml";

describe("XML text", () => {
  test("escapes markup and drops the characters XML 1.0 cannot carry, keeping the rest of Unicode", () => {
    expect(escapeXml(`a < b & "c" > 'd'`)).toBe("a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;");
    expect(escapeXml("bell\u0007 tab\t nl\n lone\uD800 pair😀 \uFFFE ü")).toBe("bell tab\t nl\n lone pair😀  ü");
    expect(element("wp:post_id", 12)).toBe("<wp:post_id>12</wp:post_id>");
  });

  test("splits ]]> across two CDATA sections", () => {
    expect(cdata("x]]>y")).toBe("<![CDATA[x]]]]><![CDATA[>y]]>");
    expect(cdata(null)).toBe("<![CDATA[]]>");
  });
});

describe("WordPress dates", () => {
  const summer = Date.UTC(2026, 6, 1, 22, 15, 30);
  test("are written in UTC and on the site's clock, across the date line and daylight saving", () => {
    expect(wpGmt(summer)).toBe("2026-07-01 22:15:30");
    expect(wpLocal(summer, "Europe/Paris")).toBe("2026-07-02 00:15:30");
    expect(wpLocal(summer, "America/New_York")).toBe("2026-07-01 18:15:30");
    expect(wpLocal(summer, "Not/AZone")).toBe("2026-07-01 22:15:30");
    expect(rfc822(summer)).toBe("Wed, 01 Jul 2026 22:15:30 +0000");
  });
});
