import { db } from "../db";
import { DEMO_FLAGS } from "../seed/demo-data";

/** A fresh install carries the protocol's degradation flags, at their safe default (off). */
export async function ensureDefaultFlags(): Promise<void> {
  await db().flag.createMany({
    data: DEMO_FLAGS.map((f) => ({
      ...f,
      valueType: "boolean" as const,
      defaultValue: false,
      value: false,
    })),
    skipDuplicates: true,
  });
}
