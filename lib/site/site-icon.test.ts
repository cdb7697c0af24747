import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { migratedDb } from "@/test/helpers";
import { siteIcon } from "./site-icon";

beforeAll(() => migratedDb());

describe("the site icon", () => {
  it("is a 32×32 PNG inside an ICO container for /favicon.ico", async () => {
    const ico = await siteIcon("favicon");
    expect([...ico.subarray(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]); // reserved, icon, one image
    expect(ico.readUInt32LE(18)).toBe(22);
    const png = ico.subarray(22);
    expect(ico.readUInt32LE(14)).toBe(png.length);
    expect(await sharp(png).metadata()).toMatchObject({ format: "png", width: 32, height: 32 });
  });

  it("is an opaque 180×180 PNG for home screens", async () => {
    const png = await siteIcon("apple-touch-icon");
    const { format, width, height, hasAlpha } = await sharp(png).metadata();
    expect({ format, width, height, hasAlpha }).toEqual({ format: "png", width: 180, height: 180, hasAlpha: false });
  });

  it("is a transparent PNG of 32, 192 and 512 pixels for /icons/<size>.png", async () => {
    for (const size of [32, 192, 512] as const) {
      const { format, width, height } = await sharp(await siteIcon(`png-${size}`)).metadata();
      expect({ format, width, height }).toEqual({ format: "png", width: size, height: size });
    }
  });
});
