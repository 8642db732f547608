import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import { it } from "./it";
import { pl } from "./pl";
import { pt } from "./pt";
import type { Messages } from "./types";
import type { Language } from "../languages";

export type { Messages } from "./types";

/** Every shipped language's messages, one i18next namespace ("translation") each. */
export const RESOURCES: Record<Language, Messages> = { en, fr, de, es, it, pt, pl };
