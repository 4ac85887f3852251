// The list of all rules, in the order their findings are reported within one paragraph.
import type { Rule } from "../types";
import { missingSection } from "./missingSection";
import { sectionOrder } from "./sectionOrder";
import { numberingSequence } from "./numberingSequence";
import { numberingFormat } from "./numberingFormat";
import { numberingHierarchy } from "./numberingHierarchy";
import { enumeration } from "./enumeration";
import { placeholder } from "./placeholder";
import { typo } from "./typo";
import { formulation } from "./formulation";
import { punctuation } from "./punctuation";
import { junk } from "./junk";
import { coverage } from "./coverage";
import { invisibleChars } from "./invisibleChars";
import { hiddenText } from "./hiddenText";

export const ALL_RULES: readonly Rule[] = [
  missingSection,
  sectionOrder,
  numberingSequence,
  numberingHierarchy,
  numberingFormat,
  enumeration,
  junk,
  invisibleChars,
  hiddenText,
  placeholder,
  typo,
  formulation,
  punctuation,
  coverage,
];

export { missingSection, sectionOrder, numberingSequence, numberingFormat, numberingHierarchy, enumeration, placeholder, typo, formulation, punctuation, junk, coverage, invisibleChars, hiddenText };
