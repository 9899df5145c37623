import { Action, Area, Indicator, Programme, Task, Unit } from "./types";

/**
 * The Lublin employment programme 2021–2027 as the 2023 monitoring report
 * (shared/seeds/000_d5b63bee26203bc9.txt) lays it out: 4 areas, 14 tasks, 44 actions, 60 indicators.
 *
 * Transcription rules:
 * - Wording is the seed's, with the PDF extraction's line breaks joined into single-spaced text and the
 *   extraction's hyphenation undone ("bezro-botnych" → "bezrobotnych"); real hyphens stay
 *   ("Publiczno-Społecznego", "społeczno-zawodowa"). Indicator labels lose the leading "- " and trailing ":".
 * - The seed's numbering is kept as it is: there is no action 1.4.3 nor 3.2.5; action 3.3.2 has no indicator.
 * - Entities: the responsible entity first, then the cooperating ones, in the seed's order (where the
 *   extraction splits a list across pages — 1.5.5, 4.1.1 — the parts are joined in reading order).
 *   Action 1.1.4 shows no entity in the extraction (its cell is lost at a page break); every other action
 *   names the Miejski Urząd Pracy w Lublinie first, so 1.1.4 gets that entity alone (an inference, see
 *   `INFERRED_ENTITIES`).
 * - Monitoring frequency and verification method are stated once per task in the seed (the same text for all
 *   14 tasks) and copied to each indicator.
 * - `sample2023` is the seed's 2023 value: "1 796" → 1796, "76,2%" → 0.762, "83,29%" → 0.8329.
 */

const MUP = "Miejski Urząd Pracy w Lublinie";
const MOPR = "Miejski Ośrodek Pomocy Rodzinie w Lublinie";
const PRAC = "pracodawcy";
const ORG_PRAC = "organizacje pracodawców";
const AGENCJE = "agencje zatrudnienia";
const INST_SZK = "instytucje szkoleniowe";
const PLAC_OSW = "placówki oświatowe";
const OHP = "OHP";
const JST = "jednostki samorządu terytorialnego";
const NGO = "organizacje pozarządowe";

export const MONITORING_FREQUENCY = "Raz do roku, po upływie roku kalendarzowego";
export const VERIFICATION_METHOD = "Informacje i dane statystyczne";

/** Actions whose entities are not legible in the seed and were inferred (see the file comment). */
export const INFERRED_ENTITIES: readonly string[] = ["1.1.4"];

interface IndicatorSpec {
  label: string;
  sample: number;
  unit?: Unit;
}

interface ActionSpec {
  code: string;
  title: string;
  entities: string[];
  indicators: IndicatorSpec[];
}

interface TaskSpec {
  code: string;
  title: string;
  actions: ActionSpec[];
}

interface AreaSpec {
  code: string;
  title: string;
  tasks: TaskSpec[];
}

const n = (label: string, sample: number): IndicatorSpec => ({ label, sample, unit: "count" });
const pct = (label: string, sample: number): IndicatorSpec => ({ label, sample, unit: "percent" });

const SPEC: AreaSpec[] = [
  {
    code: "I",
    title:
      "Zapewnienie pomocy osobom bezrobotnym i poszukującym pracy w uzyskaniu odpowiedniego zatrudnienia oraz pracodawcom w znalezieniu odpowiednich pracowników.",
    tasks: [
      {
        code: "1.1",
        title: "Promowanie i świadczenie poradnictwa zawodowego i informacji zawodowej.",
        actions: [
          {
            code: "1.1.1",
            title:
              "Prowadzenie: rozmów wstępnych i porad indywidualnych w zakresie pomocy klientom w planowaniu dalszej ścieżki zawodowej.",
            entities: [MUP],
            indicators: [
              n("liczba osób objętych poradnictwem indywidualnym", 800),
              n("liczba przeprowadzonych badań testowych", 1),
            ],
          },
          {
            code: "1.1.2",
            title: "Udzielanie informacji zawodowej.",
            entities: [MUP],
            indicators: [n("liczba osób korzystających z informacji zawodowej", 449)],
          },
          {
            code: "1.1.3",
            title: "Upowszechnianie usługi poradnictwa zawodowego wśród mieszkańców Lublina.",
            entities: [MUP],
            indicators: [n("liczba udzielonych porad zawodowych", 1796)],
          },
          {
            code: "1.1.4",
            title:
              "Udzielanie pomocy pracodawcom w doborze kandydatów do pracy oraz rozwoju zawodowym pracodawcy lub/i jego pracowników.",
            entities: [MUP],
            indicators: [n("liczba porad udzielonych pracodawcom", 3473)],
          },
        ],
      },
      {
        code: "1.2",
        title: "Zapewnienie odpowiedniej ilości ofert pracy do realizacji.",
        actions: [
          {
            code: "1.2.1",
            title:
              "Rozpoznawanie, badanie aktualnych potrzeb oraz oczekiwań pracodawców, przyjmowanie i upowszechnianie krajowych ofert pracy.",
            entities: [MUP, PRAC, ORG_PRAC, AGENCJE],
            indicators: [
              n("liczba zorganizowanych targów pracy", 2),
              n("liczba wystawców na targach pracy", 150),
              n(
                "liczba targów pracy innych instytucji, w których uczestniczyli przedstawiciele MUP w Lublinie",
                5,
              ),
            ],
          },
          {
            code: "1.2.2",
            title:
              "Stosowanie różnych form i technik realizacji ofert pracy, np. poprzez podejmowanie i utrzymywanie kontaktów z pracodawcami krajowymi, organizowanie giełd i targów pracy.",
            entities: [MUP, PRAC, ORG_PRAC, AGENCJE],
            indicators: [n("liczba zorganizowanych giełd pracy", 0)],
          },
          {
            code: "1.2.3",
            title: "Oferowanie pracy osobom bezrobotnym i poszukującym pracy.",
            entities: [MUP, PRAC, ORG_PRAC, AGENCJE],
            indicators: [
              n("liczba wolnych miejsc pracy zgłoszonych do MUP w Lublinie", 6411),
              n("liczba miejsc aktywizacji zawodowej", 1415),
            ],
          },
          {
            code: "1.2.4",
            title:
              "Uaktualnianie bazy danych o osobach bezrobotnych w celu posiadania bieżących informacji niezbędnych do realizacji ofert pracy.",
            entities: [MUP],
            indicators: [n("liczba wyrejestrowanych osób z tytułu podjęcia pracy", 6059)],
          },
        ],
      },
      {
        code: "1.3",
        title: "Wsparcie osób bezrobotnych w rozwoju zawodowym.",
        actions: [
          {
            code: "1.3.1",
            title:
              "Promowanie kształcenia ustawicznego oraz udostępnianie informacji o organizowanych szkoleniach (różne techniki od tablic do strony internetowej MUP w Lublinie).",
            entities: [MUP, INST_SZK, PLAC_OSW, OHP],
            indicators: [
              n("liczba złożonych wniosków o skierowanie na szkolenie", 116),
              n("liczba osób korzystających ze stypendium na kontynuowanie nauki", 0),
            ],
          },
          {
            code: "1.3.2",
            title:
              "Prognozowanie potrzeb i ustalanie kierunków szkoleń w oparciu o analizę sytuacji na rynku pracy oraz diagnozowanie aktualnych potrzeb szkoleniowych osób bezrobotnych i innych uprawnionych.",
            entities: [MUP, INST_SZK, PLAC_OSW, OHP],
            indicators: [
              n("liczba zrealizowanych obszarów szkoleń", 20),
              n("liczba osób, które podjęły pracę po szkoleniach", 59),
            ],
          },
          {
            code: "1.3.3",
            title: "Organizowanie szkoleń i kierowanie osób uprawnionych na szkolenia.",
            entities: [MUP, INST_SZK, OHP],
            indicators: [n("liczba uczestników szkoleń", 173)],
          },
        ],
      },
      {
        code: "1.4",
        title: "Dostosowanie jakości usług świadczonych osobom bezrobotnym stosownie do potrzeb rynku pracy.",
        actions: [
          {
            code: "1.4.1",
            title: "Dostosowanie organizacji pracy do bieżącej nowelizacji przepisów w obszarze rynku pracy.",
            entities: [MUP],
            indicators: [n("liczba dokonanych zmian w strukturach Urzędu", 1)],
          },
          {
            code: "1.4.2",
            title:
              "Wdrażanie innowacyjnych metod i technik pracy w celu zapewnienia przejrzystości i jakości świadczonych usług.",
            entities: [MUP],
            indicators: [n("liczba wizyt marketingowych", 718)],
          },
          {
            code: "1.4.4",
            title: "Doskonalenie zawodowe pracowników MUP w Lublinie.",
            entities: [MUP],
            indicators: [n("liczba przeszkolonych pracowników MUP w Lublinie", 158)],
          },
        ],
      },
      {
        code: "1.5",
        title: "Realizacja projektów i programów adresowanych do osób bezrobotnych oraz pracodawców.",
        actions: [
          {
            code: "1.5.1",
            title: "Tworzenie i realizacja programów specjalnych.",
            entities: [MUP],
            indicators: [
              n("liczba programów specjalnych realizowanych na rzecz osób bezrobotnych", 3),
              n("liczba osób bezrobotnych i innych uprawnionych objętych programami", 60),
            ],
          },
          {
            code: "1.5.2",
            title: "Tworzenie i realizacja programów finansowanych z krajowych środków publicznych.",
            entities: [MUP],
            indicators: [
              n("liczba programów specjalnych realizowanych na rzecz osób bezrobotnych", 3),
              n("liczba osób bezrobotnych i innych uprawnionych objętych programami", 60),
            ],
          },
          {
            code: "1.5.3",
            title: "Tworzenie i realizacja projektów własnych finansowanych ze środków Unii Europejskiej.",
            entities: [MUP],
            indicators: [
              n("liczba projektów własnych realizowanych na rzecz osób bezrobotnych", 1),
              n("liczba osób bezrobotnych i innych uprawnionych objętych projektami", 820),
            ],
          },
          {
            code: "1.5.4",
            title:
              "Tworzenie i realizacja projektów partnerskich finansowanych ze środków Unii Europejskiej.",
            entities: [MUP, PRAC, ORG_PRAC, AGENCJE, INST_SZK, PLAC_OSW, JST, NGO, MOPR],
            indicators: [
              n(
                "liczba projektów realizowanych na rzecz osób bezrobotnych, w których MUP w Lublinie występuje jako partner",
                0,
              ),
              n("liczba osób bezrobotnych i innych uprawnionych objętych projektami", 0),
            ],
          },
          {
            code: "1.5.5",
            title:
              "Przystąpienie do realizacji projektów partnerskich finansowanych ze środków zewnętrznych.",
            entities: [MUP, PRAC, ORG_PRAC, AGENCJE, INST_SZK, PLAC_OSW, JST, NGO, MOPR],
            indicators: [
              n(
                "liczba projektów realizowanych na rzecz osób bezrobotnych, w których MUP w Lublinie występuje jako partner",
                0,
              ),
              n("liczba osób bezrobotnych i innych uprawnionych objętych projektami", 0),
            ],
          },
        ],
      },
    ],
  },
  {
    code: "II",
    title: "Aktywizacja osób znajdujących się w szczególnej sytuacji na rynku pracy.",
    tasks: [
      {
        code: "2.1",
        title: "Identyfikowanie potrzeb osób bezrobotnych.",
        actions: [
          {
            code: "2.1.1",
            title:
              "Systematyczne diagnozowanie potrzeb klientów i segmentowanie bazy informacji o klientach.",
            entities: [MUP],
            indicators: [
              n("liczba osób z diagnozą problemu zawodowego skierowanych do doradcy zawodowego", 535),
            ],
          },
          {
            code: "2.1.2",
            title: "Sporządzanie analiz na potrzeby projektów i programów.",
            entities: [MUP],
            indicators: [n("liczba sporządzonych analiz na potrzeby projektów i programów", 6)],
          },
          {
            code: "2.1.3",
            title: "Dokonywanie analiz dotyczących struktury zarejestrowanych klientów Urzędu.",
            entities: [MUP],
            indicators: [
              n("liczba sporządzonych analiz dotyczących struktury zarejestrowanych klientów Urzędu", 85),
            ],
          },
        ],
      },
      {
        code: "2.2",
        title: "Wsparcie osób w szczególnej sytuacji na rynku pracy w aktywizacji zawodowej.",
        actions: [
          {
            code: "2.2.1",
            title: "Stosowanie zintegrowanych form aktywizacji zawodowej.",
            entities: [MUP, MOPR, OHP, AGENCJE],
            indicators: [
              n(
                "liczba osób bezrobotnych w szczególnej sytuacji objęta poszczególnymi usługami i instrumentami rynku pracy",
                2811,
              ),
              n(
                "liczba osób bezrobotnych znajdujących się w szczególnej sytuacji na rynku pracy wyrejestrowanych z tytułu podjęcia zatrudnienia",
                4791,
              ),
            ],
          },
          {
            code: "2.2.2",
            title: "Stały monitoring sytuacji i problemów osób w szczególnej sytuacji na rynku pracy.",
            entities: [MUP, MOPR, OHP, AGENCJE],
            indicators: [
              pct(
                "wskaźnik udziału osób w szczególnej sytuacji w realizowanych projektach na rzecz osób bezrobotnych",
                0.762,
              ),
            ],
          },
          {
            code: "2.2.3",
            title:
              "Tworzenie i realizacja projektów i programów odpowiadających na potrzeby osób znajdujących się w szczególnej sytuacji na rynku pracy.",
            entities: [MUP, MOPR, OHP, AGENCJE, NGO, PRAC, ORG_PRAC],
            indicators: [
              n(
                "liczba projektów własnych odpowiadających na potrzeby osób bezrobotnych znajdujących się w szczególnej sytuacji na rynku pracy",
                7,
              ),
              n(
                "liczba projektów partnerskich odpowiadających na potrzeby osób bezrobotnych znajdujących się w szczególnej sytuacji na rynku pracy",
                0,
              ),
            ],
          },
          {
            code: "2.2.4",
            title: "Reintegracja społeczno-zawodowa z uwzględnieniem ekonomii społecznej i solidarnej.",
            entities: [MUP, MOPR, OHP, AGENCJE, NGO, PRAC, ORG_PRAC],
            indicators: [
              n(
                "liczba przedsięwzięć zakładających stosowanie metod i instrumentów z uwzględnieniem ekonomii społecznej i solidarnej",
                3,
              ),
              n("liczba podmiotów organizujących zatrudnienie wspierane", 0),
              n("liczba osób bezrobotnych skierowanych do wykonywania prac społecznie użytecznych", 45),
              n("liczba przedsięwzięć we współpracy z Centrum Integracji Społecznej", 1),
            ],
          },
        ],
      },
    ],
  },
  {
    code: "III",
    title: "Promocja i wsparcie rozwoju przedsiębiorczości.",
    tasks: [
      {
        code: "3.1",
        title: "Promocja tworzenia miejsc pracy lub samozatrudnienia.",
        actions: [
          {
            code: "3.1.1",
            title: "Podejmowanie działań informacyjno promocyjnych dotyczących przedsiębiorczości.",
            entities: [MUP, PRAC, ORG_PRAC, INST_SZK],
            indicators: [
              n(
                "liczba projektów i inicjatyw promujących przedsiębiorczość, w których zaangażowany jest MUP w Lublinie",
                15,
              ),
            ],
          },
          {
            code: "3.1.2",
            title:
              "Współpraca z jednostkami Urzędu Miasta działającymi na rzecz rozwoju przedsiębiorczości w Lublinie.",
            entities: [MUP, JST],
            indicators: [n("liczba przedsięwzięć na rzecz rozwoju przedsiębiorczości", 2)],
          },
          {
            code: "3.1.3",
            title: "Udział w inicjatywach i projektach promujących przedsiębiorczość.",
            entities: [MUP, PRAC, ORG_PRAC, INST_SZK, JST],
            indicators: [
              n(
                "liczba projektów innych organizacji promowanych na stronie internetowej MUP w Lublinie lub tablicach ogłoszeń",
                17,
              ),
            ],
          },
          {
            code: "3.1.4",
            title:
              "Upowszechnianie wśród pracodawców informacji na temat możliwości uzyskania doradczego i finansowego wsparcia w tworzeniu miejsc pracy.",
            entities: [MUP, PRAC, ORG_PRAC],
            indicators: [n("liczba zrealizowanych przedsięwzięć z zakresu upowszechnienia informacji", 11)],
          },
          {
            code: "3.1.5",
            title:
              "Współpraca z innymi instytucjami i organizacjami świadczącymi wsparcie doradcze i finansowe dla osób podejmujących działalność gospodarczą i przedsiębiorców.",
            entities: [MUP, ORG_PRAC, NGO],
            indicators: [
              n(
                "liczba projektów i inicjatyw promujących przedsiębiorczość, w których zaangażowany jest MUP w Lublinie",
                3,
              ),
            ],
          },
        ],
      },
      {
        code: "3.2",
        title:
          "Wsparcie pracodawców, przedsiębiorców w zatrudnianiu i tworzeniu miejsc pracy dla osób bezrobotnych.",
        actions: [
          {
            code: "3.2.1",
            title:
              "Przygotowanie i rozpowszechnianie informacji dot. możliwości refundacji kosztów zatrudnienia osób bezrobotnych.",
            entities: [MUP, PRAC],
            indicators: [
              n("liczba pracodawców współpracujących z MUP w Lublinie", 8692),
              n("liczba utworzonych miejsc pracy subsydiowanej", 849),
            ],
          },
          {
            code: "3.2.2",
            title: "Realizacja instrumentów rynku pracy wspierających pracodawców.",
            entities: [MUP, PRAC],
            indicators: [n("liczba pracodawców korzystających z instrumentów rynku pracy", 514)],
          },
          {
            code: "3.2.3",
            title: "Badanie trwałości zatrudnienia po okresie wsparcia środkami publicznymi.",
            entities: [MUP],
            indicators: [pct("wskaźnik zatrudnienia po okresie wsparcia ze środków publicznych", 0.8329)],
          },
          {
            code: "3.2.4",
            title: "Pozyskiwanie nowych przedsiębiorców do współpracy.",
            entities: [MUP, PRAC],
            indicators: [n("liczba nowych pracodawców pozyskanych do współpracy", 423)],
          },
          {
            code: "3.2.6",
            title:
              "Współpraca z jednostkami Urzędu Miasta działającymi na rzecz rozwoju przedsiębiorczości w Lublinie.",
            entities: [MUP, JST],
            indicators: [n("liczba zrealizowanych przedsięwzięć z jednostkami Urzędu Miasta", 0)],
          },
        ],
      },
      {
        code: "3.3",
        title: "Wspieranie osób bezrobotnych i innych uprawnionych w podejmowaniu działalności gospodarczej.",
        actions: [
          {
            code: "3.3.1",
            title: "Świadczenie poradnictwa zawodowego z ukierunkowaniem na przedsiębiorczość.",
            entities: [MUP, AGENCJE, INST_SZK],
            indicators: [n("liczba osób szkolonych pod potrzeby działalności gospodarczej", 5)],
          },
          {
            code: "3.3.2",
            title: "Diagnozowanie potrzeb szkoleniowych pod działalność gospodarczą.",
            entities: [],
            indicators: [],
          },
          {
            code: "3.3.3",
            title: "Udzielanie środków na podejmowanie działalności gospodarczej.",
            entities: [MUP, NGO],
            indicators: [
              n(
                "liczba osób bezrobotnych i innych uprawnionych, które otrzymały środki na działalność gospodarczą (Fundusz Pracy, Europejski Fundusz Społeczny, Państwowy Fundusz Rehabilitacji Osób Niepełnosprawnych)",
                394,
              ),
            ],
          },
          {
            code: "3.3.4",
            title: "Współpraca z innymi organizacjami wspierającymi mikroprzedsiębiorców.",
            entities: [MUP, INST_SZK, ORG_PRAC, JST, NGO],
            indicators: [
              n("liczba projektów i programów wspierających osoby w podjęciu działalności gospodarczej", 5),
            ],
          },
        ],
      },
    ],
  },
  {
    code: "IV",
    title: "Partnerstwo i współpraca na lokalnym rynku pracy",
    tasks: [
      {
        code: "4.1",
        title:
          "Współpraca z partnerami lokalnymi w zakresie tworzenia i realizacji programów i projektów dotyczących rynku pracy.",
        actions: [
          {
            code: "4.1.1",
            title: "Wsparcie partnerów na mocy zawieranych porozumień.",
            entities: [MUP, PRAC, ORG_PRAC, INST_SZK, JST, MOPR, PLAC_OSW, OHP, NGO],
            indicators: [n("liczba podpisanych porozumień o wzajemnej współpracy", 4)],
          },
        ],
      },
      {
        code: "4.2",
        title:
          "Wymiana informacji o rynku pracy oraz usługach świadczonych przez lokalnych partnerów rynku pracy.",
        actions: [
          {
            code: "4.2.1",
            title: "Realizacja projektów, w których MUP w Lublinie występuje w roli partnera.",
            entities: [MUP, PRAC, ORG_PRAC, INST_SZK, JST, MOPR, OHP, NGO],
            indicators: [n("liczba projektów, w których MUP w Lublinie występuje w roli partnera", 0)],
          },
        ],
      },
      {
        code: "4.3",
        title: "Kontynuacja działań Lubelskiego Partnerstwa Publiczno-Społecznego oraz Klubu Pracodawców.",
        actions: [
          {
            code: "4.3.1",
            title:
              "Organizacja spotkań Lubelskiego Partnerstwa Publiczno-Społecznego oraz Klubu Pracodawców i wypełnianie podjętych zobowiązań.",
            entities: [MUP, PRAC, ORG_PRAC, INST_SZK, JST, OHP, NGO],
            indicators: [
              n("liczba spotkań Lubelskiego Partnerstwa Publiczno-Społecznego i Klubu Pracodawców", 3),
            ],
          },
        ],
      },
      {
        code: "4.4",
        title: "Współpraca z regionalnymi partnerami rynku pracy.",
        actions: [
          {
            code: "4.4.1",
            title: "Realizacja projektów, w których MUP w Lublinie występuje w roli partnera.",
            entities: [MUP, PRAC, ORG_PRAC, INST_SZK, JST, OHP, NGO],
            indicators: [n("liczba projektów, w których MUP w Lublinie występuje w roli partnera", 1)],
          },
        ],
      },
    ],
  },
];

function buildAction(spec: ActionSpec): Action {
  const indicators: Indicator[] = spec.indicators.map((s, i) => ({
    id: `${spec.code}-${i + 1}`,
    actionCode: spec.code,
    label: s.label,
    unit: s.unit ?? "count",
    entities: [...spec.entities],
    monitoring: MONITORING_FREQUENCY,
    verification: VERIFICATION_METHOD,
    sample2023: s.sample,
  }));
  return { code: spec.code, title: spec.title, entities: [...spec.entities], indicators };
}

function buildTask(spec: TaskSpec): Task {
  return {
    code: spec.code,
    title: spec.title,
    monitoring: MONITORING_FREQUENCY,
    verification: VERIFICATION_METHOD,
    actions: spec.actions.map(buildAction),
  };
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === "object") {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

export const PROGRAMME: Programme = deepFreeze({
  id: "lublin-2021-2027",
  title: "Program Promocji Zatrudnienia i Aktywizacji Rynku Pracy miasta Lublin na lata 2021 - 2027",
  reportTitle: {
    pl: "Monitoring realizacji Programu Promocji Zatrudnienia i Aktywizacji Rynku Pracy miasta Lublin na lata 2021 - 2027",
    en: "Monitoring of the Employment Promotion and Labour Market Activation Programme of the City of Lublin 2021 - 2027",
  },
  firstYear: 2021,
  lastYear: 2027,
  areas: SPEC.map((a): Area => ({
    code: a.code,
    title: a.title,
    tasks: a.tasks.map(buildTask),
  })),
});

/** Every indicator in the programme's order (area, task, action, ordinal). */
export function allIndicators(programme: Programme = PROGRAMME): Indicator[] {
  const out: Indicator[] = [];
  for (const a of programme.areas)
    for (const t of a.tasks) for (const ac of t.actions) out.push(...ac.indicators);
  return out;
}

/** Every action in the programme's order, including those with no indicator (3.3.2). */
export function allActions(programme: Programme = PROGRAMME): Action[] {
  const out: Action[] = [];
  for (const a of programme.areas) for (const t of a.tasks) out.push(...t.actions);
  return out;
}

export function allTasks(programme: Programme = PROGRAMME): Task[] {
  return programme.areas.flatMap((a) => a.tasks);
}

export function findIndicator(id: string, programme: Programme = PROGRAMME): Indicator | undefined {
  return allIndicators(programme).find((i) => i.id === id);
}

export function findAction(code: string, programme: Programme = PROGRAMME): Action | undefined {
  return allActions(programme).find((a) => a.code === code);
}

export interface ProgrammeCounts {
  areas: number;
  tasks: number;
  actions: number;
  indicators: number;
}

export function programmeCounts(programme: Programme = PROGRAMME): ProgrammeCounts {
  return {
    areas: programme.areas.length,
    tasks: allTasks(programme).length,
    actions: allActions(programme).length,
    indicators: allIndicators(programme).length,
  };
}

/** The seed's 2023 values by indicator id (sample data for `miernik layout --sample`). */
export function sampleValues2023(programme: Programme = PROGRAMME): Map<string, number> {
  return new Map(allIndicators(programme).map((i) => [i.id, i.sample2023]));
}
