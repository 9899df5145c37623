import { Programme, Unit } from "../../../src/domain/programme/types";

/**
 * A small programme shaped like the Lublin one (same ids, units and 2023 values for the indicators the
 * relations use), so engine tests do not depend on the full transcription.
 */
const rows: [string, string, Unit, number][] = [
  ["1.1.3-1", "liczba udzielonych porad zawodowych", "count", 1796],
  ["1.2.1-1", "liczba zorganizowanych targów pracy", "count", 2],
  ["1.2.1-2", "liczba wystawców na targach pracy", "count", 150],
  ["1.2.4-1", "liczba wyrejestrowanych osób z tytułu podjęcia pracy", "count", 6059],
  ["1.3.2-1", "liczba zrealizowanych obszarów szkoleń", "count", 20],
  ["1.3.2-2", "liczba osób, które podjęły pracę po szkoleniach", "count", 59],
  ["1.3.3-1", "liczba uczestników szkoleń", "count", 173],
  ["1.5.1-1", "liczba programów specjalnych realizowanych na rzecz osób bezrobotnych", "count", 3],
  ["1.5.1-2", "liczba osób bezrobotnych i innych uprawnionych objętych programami", "count", 60],
  ["1.5.2-1", "liczba programów specjalnych realizowanych na rzecz osób bezrobotnych", "count", 3],
  ["1.5.2-2", "liczba osób bezrobotnych i innych uprawnionych objętych programami", "count", 60],
  ["1.5.3-1", "liczba projektów własnych realizowanych na rzecz osób bezrobotnych", "count", 1],
  ["1.5.3-2", "liczba osób bezrobotnych i innych uprawnionych objętych projektami", "count", 820],
  [
    "1.5.4-1",
    "liczba projektów realizowanych na rzecz osób bezrobotnych, w których MUP w Lublinie występuje jako partner",
    "count",
    0,
  ],
  ["1.5.4-2", "liczba osób bezrobotnych i innych uprawnionych objętych projektami", "count", 0],
  [
    "1.5.5-1",
    "liczba projektów realizowanych na rzecz osób bezrobotnych, w których MUP w Lublinie występuje jako partner",
    "count",
    0,
  ],
  ["1.5.5-2", "liczba osób bezrobotnych i innych uprawnionych objętych projektami", "count", 0],
  [
    "2.2.1-2",
    "liczba osób bezrobotnych znajdujących się w szczególnej sytuacji na rynku pracy wyrejestrowanych z tytułu podjęcia zatrudnienia",
    "count",
    4791,
  ],
  [
    "2.2.2-1",
    "wskaźnik udziału osób w szczególnej sytuacji w realizowanych projektach na rzecz osób bezrobotnych",
    "percent",
    0.762,
  ],
  ["3.2.1-1", "liczba pracodawców współpracujących z MUP w Lublinie", "count", 8692],
  ["3.2.2-1", "liczba pracodawców korzystających z instrumentów rynku pracy", "count", 514],
  ["3.2.3-1", "wskaźnik zatrudnienia po okresie wsparcia ze środków publicznych", "percent", 0.8329],
  ["3.2.4-1", "liczba nowych pracodawców pozyskanych do współpracy", "count", 423],
];

function build(): Programme {
  const areas: Programme["areas"] = [];
  for (const [id, label, unit, sample2023] of rows) {
    const actionCode = id.split("-")[0];
    const [a, t] = actionCode.split(".");
    const areaCode = ["I", "II", "III", "IV"][Number(a) - 1];
    let area = areas.find((x) => x.code === areaCode);
    if (!area) areas.push((area = { code: areaCode, title: `Obszar ${areaCode}`, tasks: [] }));
    let task = area.tasks.find((x) => x.code === `${a}.${t}`);
    if (!task)
      area.tasks.push(
        (task = {
          code: `${a}.${t}`,
          title: `Zadanie ${a}.${t}`,
          monitoring: "",
          verification: "",
          actions: [],
        }),
      );
    let action = task.actions.find((x) => x.code === actionCode);
    if (!action)
      task.actions.push(
        (action = { code: actionCode, title: `Działanie ${actionCode}`, entities: [], indicators: [] }),
      );
    action.indicators.push({
      id,
      actionCode,
      label,
      unit,
      entities: [],
      monitoring: "",
      verification: "",
      sample2023,
    });
  }
  return { id: "mini", title: "Mini", firstYear: 2021, lastYear: 2027, areas };
}

export const MINI: Programme = build();

export const MINI_IDS: string[] = rows.map((r) => r[0]);

export function miniSample(): Map<string, number> {
  return new Map(rows.map((r) => [r[0], r[3]]));
}
