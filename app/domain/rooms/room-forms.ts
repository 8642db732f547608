// The room page's no-JavaScript chat form. Pure, so the page binds its field to it in the browser.
import { z } from "zod";

export const roomMessageForm = z.object({ intent: z.literal("message"), body: z.string().max(4000) });
