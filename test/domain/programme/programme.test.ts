import * as fs from "fs";
import * as path from "path";
import {
  allActions,
  allIndicators,
  allTasks,
  findAction,
  findIndicator,
  PROGRAMME,
  programmeCounts,
  sampleValues2023,
} from "../../../src/domain/programme/programme";
import { RELATIONS } from "../../../src/domain/programme/relations";

const SEED = fs.readFileSync(path.join(__dirname, "seed-lublin-2023.txt"), "utf8");
/** The seed as one single-spaced line, extraction hyphenation undone, for "is this wording in the seed" checks. */
const SEED_FLAT = SEED.replace(/-\s*\n\s*(?=[a-ząćęłńóśźż])/g, "")
  .replace(/-\s*\n\s*(?=[A-ZĄĆĘŁŃÓŚŹŻ])/g, "-")
  .replace(/\s+/g, " ")
  .trim();

describe("the Lublin programme as data", () => {
  test("exact counts: 4 areas, 14 tasks, 44 actions, 60 indicators", () => {
    expect(programmeCounts()).toEqual({ areas: 4, tasks: 14, actions: 44, indicators: 60 });
    expect(PROGRAMME.areas.map((a) => a.code)).toEqual(["I", "II", "III", "IV"]);
    expect(PROGRAMME.areas.map((a) => a.tasks.length)).toEqual([5, 2, 3, 4]);
    expect(allTasks().map((t) => t.actions.length)).toEqual([4, 4, 3, 3, 5, 3, 4, 5, 5, 4, 1, 1, 1, 1]);
  });

  test("every id is unique and has the form <actionCode>-<ordinal>", () => {
    const ids = allIndicators().map((i) => i.id);
    expect(new Set(ids).size).toBe(60);
    for (const a of allActions())
      a.indicators.forEach((i, k) => {
        expect(i.id).toBe(`${a.code}-${k + 1}`);
        expect(i.actionCode).toBe(a.code);
      });
    expect(new Set(allActions().map((a) => a.code)).size).toBe(44);
  });

  test("the seed's numbering gaps are kept: no 1.4.3, no 3.2.5", () => {
    const codes = allActions().map((a) => a.code);
    expect(codes).not.toContain("1.4.3");
    expect(codes).not.toContain("3.2.5");
    expect(codes.filter((c) => c.startsWith("1.4."))).toEqual(["1.4.1", "1.4.2", "1.4.4"]);
    expect(codes.filter((c) => c.startsWith("3.2."))).toEqual(["3.2.1", "3.2.2", "3.2.3", "3.2.4", "3.2.6"]);
    // action codes start with their task's code, task codes with their area's number
    const roman = ["I", "II", "III", "IV"];
    for (const area of PROGRAMME.areas)
      for (const task of area.tasks) {
        expect(task.code.split(".")[0]).toBe(String(roman.indexOf(area.code) + 1));
        for (const a of task.actions) expect(a.code.startsWith(task.code + ".")).toBe(true);
      }
  });

  test("action 3.3.2 exists with its title and no indicator", () => {
    const a = findAction("3.3.2");
    expect(a).toBeDefined();
    expect(a!.title).toBe("Diagnozowanie potrzeb szkoleniowych pod działalność gospodarczą.");
    expect(a!.indicators).toEqual([]);
    expect(
      allActions()
        .filter((x) => x.indicators.length === 0)
        .map((x) => x.code),
    ).toEqual(["3.3.2"]);
  });

  test.each<[string, string, number]>([
    ["1.1.1-1", "liczba osób objętych poradnictwem indywidualnym", 800],
    ["1.1.1-2", "liczba przeprowadzonych badań testowych", 1],
    ["1.1.3-1", "liczba udzielonych porad zawodowych", 1796],
    [
      "1.2.1-3",
      "liczba targów pracy innych instytucji, w których uczestniczyli przedstawiciele MUP w Lublinie",
      5,
    ],
    ["1.2.3-1", "liczba wolnych miejsc pracy zgłoszonych do MUP w Lublinie", 6411],
    ["1.3.2-2", "liczba osób, które podjęły pracę po szkoleniach", 59],
    [
      "2.2.1-2",
      "liczba osób bezrobotnych znajdujących się w szczególnej sytuacji na rynku pracy wyrejestrowanych z tytułu podjęcia zatrudnienia",
      4791,
    ],
    [
      "2.2.2-1",
      "wskaźnik udziału osób w szczególnej sytuacji w realizowanych projektach na rzecz osób bezrobotnych",
      0.762,
    ],
    [
      "2.2.3-2",
      "liczba projektów partnerskich odpowiadających na potrzeby osób bezrobotnych znajdujących się w szczególnej sytuacji na rynku pracy",
      0,
    ],
    ["2.2.4-4", "liczba przedsięwzięć we współpracy z Centrum Integracji Społecznej", 1],
    ["3.2.1-1", "liczba pracodawców współpracujących z MUP w Lublinie", 8692],
    ["3.2.3-1", "wskaźnik zatrudnienia po okresie wsparcia ze środków publicznych", 0.8329],
    [
      "3.3.3-1",
      "liczba osób bezrobotnych i innych uprawnionych, które otrzymały środki na działalność gospodarczą (Fundusz Pracy, Europejski Fundusz Społeczny, Państwowy Fundusz Rehabilitacji Osób Niepełnosprawnych)",
      394,
    ],
    ["4.3.1-1", "liczba spotkań Lubelskiego Partnerstwa Publiczno-Społecznego i Klubu Pracodawców", 3],
    ["4.4.1-1", "liczba projektów, w których MUP w Lublinie występuje w roli partnera", 1],
  ])("%s: label and 2023 value as in the seed", (id, label, value) => {
    const i = findIndicator(id);
    expect(i).toBeDefined();
    expect(i!.label).toBe(label);
    expect(i!.sample2023).toBe(value);
  });

  test("units: exactly the two 'wskaźnik' indicators are percents, with fractional sample values", () => {
    const pcts = allIndicators().filter((i) => i.unit === "percent");
    expect(pcts.map((i) => i.id)).toEqual(["2.2.2-1", "3.2.3-1"]);
    for (const i of allIndicators()) {
      if (i.unit === "count") expect(Number.isInteger(i.sample2023) && i.sample2023 >= 0).toBe(true);
      else expect(i.sample2023 > 0 && i.sample2023 < 1).toBe(true);
    }
  });

  test("sum of the 2023 counts (checked by hand against the seed) and value map", () => {
    const counts = allIndicators().filter((i) => i.unit === "count");
    const sum = counts.reduce((s, i) => s + i.sample2023, 0);
    // 800+1+449+1796+3473 +2+150+5+0+6411+1415+6059 +116+0+20+59+173 +1+718+158 +3+60+3+60+1+820+0+0+0+0
    // +535+6+85 +2811+4791+7+0+3+0+45+1 +15+2+17+11+3 +8692+849+514+423+0 +5+394+5 +4+0+3+1
    expect(sum).toBe(41975);
    expect(sampleValues2023().size).toBe(60);
    expect(sampleValues2023().get("1.2.4-1")).toBe(6059);
  });

  test.each<[string, string[]]>([
    ["1.1.1", ["Miejski Urząd Pracy w Lublinie"]],
    [
      "1.2.1",
      ["Miejski Urząd Pracy w Lublinie", "pracodawcy", "organizacje pracodawców", "agencje zatrudnienia"],
    ],
    ["1.3.2", ["Miejski Urząd Pracy w Lublinie", "instytucje szkoleniowe", "placówki oświatowe", "OHP"]],
    ["1.3.3", ["Miejski Urząd Pracy w Lublinie", "instytucje szkoleniowe", "OHP"]],
    [
      // split across two pages in the extraction
      "1.5.5",
      [
        "Miejski Urząd Pracy w Lublinie",
        "pracodawcy",
        "organizacje pracodawców",
        "agencje zatrudnienia",
        "instytucje szkoleniowe",
        "placówki oświatowe",
        "jednostki samorządu terytorialnego",
        "organizacje pozarządowe",
        "Miejski Ośrodek Pomocy Rodzinie w Lublinie",
      ],
    ],
    [
      "2.2.3",
      [
        "Miejski Urząd Pracy w Lublinie",
        "Miejski Ośrodek Pomocy Rodzinie w Lublinie",
        "OHP",
        "agencje zatrudnienia",
        "organizacje pozarządowe",
        "pracodawcy",
        "organizacje pracodawców",
      ],
    ],
    ["3.3.3", ["Miejski Urząd Pracy w Lublinie", "organizacje pozarządowe"]],
    [
      // split across two pages in the extraction
      "4.1.1",
      [
        "Miejski Urząd Pracy w Lublinie",
        "pracodawcy",
        "organizacje pracodawców",
        "instytucje szkoleniowe",
        "jednostki samorządu terytorialnego",
        "Miejski Ośrodek Pomocy Rodzinie w Lublinie",
        "placówki oświatowe",
        "OHP",
        "organizacje pozarządowe",
      ],
    ],
  ])("%s: entities as in the seed, copied to its indicators", (code, entities) => {
    const a = findAction(code)!;
    expect(a.entities).toEqual(entities);
    for (const i of a.indicators) expect(i.entities).toEqual(entities);
  });

  test("monitoring frequency and verification method on every task and indicator", () => {
    for (const t of allTasks()) {
      expect(t.monitoring).toBe("Raz do roku, po upływie roku kalendarzowego");
      expect(t.verification).toBe("Informacje i dane statystyczne");
    }
    for (const i of allIndicators()) {
      expect(i.monitoring).toBe("Raz do roku, po upływie roku kalendarzowego");
      expect(i.verification).toBe("Informacje i dane statystyczne");
    }
  });

  test("titles of areas, tasks and actions, spot checks", () => {
    expect(PROGRAMME.areas[0].title).toBe(
      "Zapewnienie pomocy osobom bezrobotnym i poszukującym pracy w uzyskaniu odpowiedniego zatrudnienia oraz pracodawcom w znalezieniu odpowiednich pracowników.",
    );
    expect(PROGRAMME.areas[3].title).toBe("Partnerstwo i współpraca na lokalnym rynku pracy");
    expect(allTasks().find((t) => t.code === "4.3")!.title).toBe(
      "Kontynuacja działań Lubelskiego Partnerstwa Publiczno-Społecznego oraz Klubu Pracodawców.",
    );
    expect(findAction("2.2.4")!.title).toBe(
      "Reintegracja społeczno-zawodowa z uwzględnieniem ekonomii społecznej i solidarnej.",
    );
  });

  test("every label and title is single-spaced, trimmed, without extraction hyphens, and occurs in the seed", () => {
    const texts = [
      ...PROGRAMME.areas.map((a) => a.title),
      ...allTasks().map((t) => t.title),
      ...allActions().map((a) => a.title),
      ...allIndicators().map((i) => i.label),
    ];
    for (const s of texts) {
      expect(s).toBe(s.trim());
      expect(s).not.toMatch(/\s{2}|^-|:$|-\s/);
    }
    expect(texts.filter((s) => !SEED_FLAT.includes(s))).toEqual([]);
  });

  test("every indicator's 2023 value is the number that follows its label in the seed, under its action", () => {
    const mismatches: string[] = [];
    for (const a of allActions()) {
      const at = SEED_FLAT.indexOf(`${a.code}. ${a.title}`);
      expect(at).toBeGreaterThanOrEqual(0);
      let from = at;
      for (const i of a.indicators) {
        const p = SEED_FLAT.indexOf(i.label, from);
        const m = /^:? (\d{1,3}(?: \d{3})*(?:,\d+)?)(%?)/.exec(SEED_FLAT.slice(p + i.label.length));
        if (p < 0 || !m) {
          mismatches.push(`${i.id}: not found`);
          continue;
        }
        from = p + i.label.length;
        const num = Number(m[1].replace(/ /g, "").replace(",", "."));
        const expected = m[2] === "%" ? Math.round(num * 100) / 10000 : num;
        if (expected !== i.sample2023 || (m[2] === "%") !== (i.unit === "percent"))
          mismatches.push(`${i.id}: seed ${m[0]}, data ${i.sample2023} ${i.unit}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  test("every relation names existing indicators", () => {
    for (const r of RELATIONS) {
      expect(findIndicator(r.left)).toBeDefined();
      expect(findIndicator(r.right)).toBeDefined();
    }
  });

  test("the programme data cannot be mutated by accident", () => {
    expect(Object.isFrozen(PROGRAMME.areas[0].tasks[0].actions[0].indicators[0])).toBe(true);
  });
});
