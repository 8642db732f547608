// Message keys are checked by the compiler wherever `t("…")` is written (react-i18next's
// useTranslation as well as the kernel's translate): English is the source of the key list.
import "i18next";
import type { Messages } from "./resources/types";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Messages };
  }
}
