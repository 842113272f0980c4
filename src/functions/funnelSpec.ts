/**
 * The spec of funnel.ts: docs in three languages and examples. Apart from the code, so the
 * sidebar's formula help bundles none of it.
 */
import { type FunctionSpec, STAGE_TABLE } from "./spec";

/** FUNNEL's spec: the source of its JSDoc, README entry and sidebar help. */
export const FUNNEL_SPEC: FunctionSpec = {
  name: "FUNNEL",
  summary: {
    en: "Spills a funnel table with a header row: Stage, Count, Step conversion, Overall conversion. Without ids every row is one event; with ids a deal counts at every stage up to the furthest it reached.",
    ru: "Выводит таблицу воронки с заголовком: Этап, Количество, Конверсия шага, Общая конверсия. Без ids каждая строка — одно событие; с ids сделка учитывается на всех этапах до самого дальнего.",
    uk: "Виводить таблицю воронки із заголовком: Етап, Кількість, Конверсія кроку, Загальна конверсія. Без ids кожен рядок — одна подія; з ids угода враховується на всіх етапах до найдальшого.",
  },
  params: [
    {
      name: "stages",
      type: "Array<Array<*>>",
      description: {
        en: "A column with a stage name per row (rows whose stage is not in order are ignored).",
        ru: "Столбец с названием этапа в каждой строке (строки с этапом не из order игнорируются).",
        uk: "Стовпець із назвою етапу в кожному рядку (рядки з етапом не з order ігноруються).",
      },
    },
    {
      name: "order",
      type: "Array<Array<*>>",
      description: {
        en: "The funnel's stages from top to bottom (case and surrounding spaces ignored).",
        ru: "Этапы воронки сверху вниз (регистр и пробелы по краям не важны).",
        uk: "Етапи воронки згори донизу (регістр і пробіли по краях не важливі).",
      },
    },
    {
      name: "ids",
      type: "Array<Array<*>>",
      optional: true,
      description: {
        en: "Optional: a deal id per row, same length as stages; counts distinct ids that reached each stage.",
        ru: "Необязательно: id сделки в каждой строке, той же длины, что stages; считает разные id, дошедшие до этапа.",
        uk: "Необов'язково: id угоди в кожному рядку, тієї ж довжини, що stages; рахує різні id, що дійшли до етапу.",
      },
    },
  ],
  returns: STAGE_TABLE,
  examples: [
    {
      formula: '=FUNNEL({"Call";"Call";"Meeting";"Paid"}, {"Call";"Meeting";"Paid"})',
      result: "Call 2, Meeting 1 (50%), Paid 1 (100%, overall 50%)",
    },
    {
      formula: "=FUNNEL(Log!B2:B, Stages!A2:A5, Log!A2:A)",
      result: "distinct deals that reached each stage",
    },
  ],
};
