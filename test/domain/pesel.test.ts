import { checkPesel } from "../../src/domain/pesel";
import { serialToIso } from "../../src/domain/dates";

describe("PESEL", () => {
  it.each([
    ["44051401359", "1944-05-14", "M"],
    ["02322401019", "2002-12-24", "M"],
    ["80010112340", "1980-01-01", "F"],
  ])("%s is valid: %s %s", (p, iso, sex) => {
    const info = checkPesel(p);
    expect(info.valid).toBe(true);
    expect(serialToIso(info.birthDate as number)).toBe(iso);
    expect(info.sex).toBe(sex);
  });
  it("rejects a wrong check digit, length, digits and an impossible date", () => {
    expect(checkPesel("44051401358").problem).toBe("checksum");
    expect(checkPesel("4405140135").problem).toBe("length");
    expect(checkPesel("4405140135X").problem).toBe("digits");
    // month 13 with a correct checksum: 44 13 14 0135 k
    const base = "4413140135";
    const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
    const k = (10 - ([...base].reduce((s, c, i) => s + +c * w[i], 0) % 10)) % 10;
    expect(checkPesel(base + k).problem).toBe("date");
  });
  it("decodes the 1800s offset", () => {
    // 1899-01-01: month 81
    const base = "9981010000";
    const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
    const k = (10 - ([...base].reduce((s, c, i) => s + +c * w[i], 0) % 10)) % 10;
    expect(serialToIso(checkPesel(base + k).birthDate as number)).toBe("1899-01-01");
  });
});
