// The network messages, one file per language in this folder; English (en.ts) defines the keys
// the other languages must match (the compiler and resources.test.ts check them).
import type { Language } from "../../../languages";
import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import { it } from "./it";
import { pl } from "./pl";
import { pt } from "./pt";
import type { NetworkMessages } from "./en";

export type { NetworkMessages } from "./en";

export const network: { en: typeof en } & Record<Exclude<Language, "en">, NetworkMessages> = { en, fr, de, es, it, pt, pl };
