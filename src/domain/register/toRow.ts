import { Participant } from "../card/types";
import {
  CONTRACT,
  ColumnKey,
  DISABILITY,
  DROPOUT,
  EDUCATION_LABELS,
  NO,
  SEX,
  STATUS,
  SUBSTATUS,
  YES,
} from "./columns";

export type RowValue = string | number | null;

const yn = (b: boolean | null): RowValue => (b === null ? null : b ? YES : NO);

/**
 * A participant as register cell values, exactly as the workbook holds them (dates as Excel serials,
 * allowed-list text, numbers). `checkRegister` reads these back to the same participant. Useful for generated
 * registers (tests, formula agreement).
 */
export function participantToValues(p: Participant, lp?: number): Record<ColumnKey, RowValue> {
  return {
    lp: lp ?? null,
    firstName: p.firstName,
    lastName: p.lastName,
    pesel: p.pesel,
    noPesel: yn(p.noPesel),
    sex: p.sex === null ? null : p.sex === "F" ? SEX.female : SEX.male,
    birthDate: p.birthDate,
    ageAtStart: p.ageAtStart ?? null,
    education: p.isced === null ? null : p.isced >= 5 ? EDUCATION_LABELS[5] : EDUCATION_LABELS[p.isced],
    status: p.status === null ? null : STATUS[p.status],
    subStatus: p.longTerm === null ? null : p.longTerm ? SUBSTATUS.longTerm : SUBSTATUS.other,
    monthsWithoutWork: p.monthsWithoutWork,
    leavingAgriculture: yn(p.leavingAgriculture),
    disabled: p.disabled === null ? DISABILITY[2] : yn(p.disabled),
    startDate: p.startDate,
    endDate: p.endDate,
    pathCompleted: yn(p.pathCompleted),
    dropoutReason: p.dropoutReason === null ? null : DROPOUT[p.dropoutReason],
    ipd: yn(p.ipd),
    training: yn(p.training),
    trainingWhiteGreen: yn(p.trainingWhiteGreen),
    qualification: yn(p.qualification),
    internshipMonths: p.internshipMonths,
    internshipLinked: yn(p.internshipLinked),
    jobStartDate: p.jobStartDate,
    contractType: p.contractType === null ? null : CONTRACT[p.contractType],
    employmentMonths: p.employmentMonths,
    fte: p.fte,
    contractValue3x: yn(p.contractValue3x),
    nonAgriculturalJob: yn(p.nonAgriculturalJob),
    startupFunds: yn(p.startupFunds),
  };
}
