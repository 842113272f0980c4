/**
 * The field vocabulary: one table of fields per kind (KIND_FIELDS), one label per field key in
 * every language (FIELD_LABELS; that every label has every language is in test/core/i18n.test.ts).
 */
import { describe, expect, it } from "vitest";
import { STRINGS } from "../../sidebar/i18n";
import { LANGS } from "../../src/core/i18n";
import { FIELD_LABELS, isFieldKey } from "../../src/model/fields";
import { KIND_FIELDS } from "../../src/model/headers";

const usedKeys = new Set(Object.values(KIND_FIELDS).flatMap((fields) => fields.map((f) => f.key)));

describe("field vocabulary", () => {
  it("every field a tab kind reads has a label, and every label is a field some kind reads", () => {
    for (const key of usedKeys) expect(isFieldKey(key), key).toBe(true);
    expect(new Set(Object.keys(FIELD_LABELS))).toEqual(usedKeys);
  });

  it("the sidebar names every field of every kind in words, in every language", () => {
    for (const lang of LANGS) {
      for (const [kind, fields] of Object.entries(KIND_FIELDS)) {
        for (const f of fields) {
          const label = STRINGS[lang].fields[f.key];
          expect(label, `${lang} ${kind}.${f.key}`).toBe(FIELD_LABELS[f.key][lang]);
          expect(label, `${lang} ${kind}.${f.key} is not the raw key`).not.toBe(f.key);
        }
      }
    }
  });

  it("labels of one kind's fields are told apart (no two columns read the same in the sidebar)", () => {
    for (const lang of LANGS) {
      for (const [kind, fields] of Object.entries(KIND_FIELDS)) {
        const labels = fields.map((f) => FIELD_LABELS[f.key][lang]);
        expect(new Set(labels).size, `${lang} ${kind}`).toBe(labels.length);
      }
    }
  });
});
