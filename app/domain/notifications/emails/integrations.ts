// Integrations' email: a webhook endpoint was disabled after failing too often. Plain text only.

export interface WebhookDisabledInput {
  url: string;
  failures: number;
  lastProblem: string;
  pageUrl: string;
}

export function webhookDisabledEmail(input: WebhookDisabledInput): { subject: string; text: string } {
  return {
    subject: "A webhook endpoint was disabled",
    text:
      `Deliveries to ${input.url} failed ${input.failures} times in a row, so SCALE Events stopped sending to it.\n\n` +
      `Last problem: ${input.lastProblem}\n\n` +
      `Fix the receiver, then turn the endpoint on again and replay what it missed: ${input.pageUrl}\n\n— SCALE Events`,
  };
}
