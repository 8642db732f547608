// Live engagement in the browser: a moderator prepares and launches a poll and a word cloud on the
// live clinic's Q&A page, two attendees vote and both see the results move without reloading, the
// presenter screen shows the active poll; after the past exchange an attendee answers a feedback
// survey and downloads a certificate whose check page confirms it; the organiser downloads both CSVs.
import { createHash, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signIn, withE2eDatabase } from "./support";

const LIVE = "replication-clinic-live";
const PAST = "lighthouse-cities-exchange-lisbon";

async function liveSessionId(): Promise<string> {
  return withE2eDatabase(async (client) => {
    const { rows } = await client.query(`SELECT s.id FROM "AgendaSession" s JOIN "Event" e ON e.id = s."eventId" WHERE e.slug = $1`, [LIVE]);
    return rows[0].id as string;
  });
}

function pollCard(page: Page, question: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: question, level: 3 }) });
}

test("polls and a word cloud move live for two attendees and the big screen", async ({ browser }) => {
  const sessionId = await liveSessionId();
  const qa = `/sessions/${sessionId}/qa`;
  const moderator = await (await browser.newContext()).newPage();
  await signIn(moderator, "organiser@scale-events.demo");
  await moderator.goto(qa);
  await expect(moderator.getByRole("heading", { name: "Polls" })).toBeVisible();

  // A prepared poll, launched afterwards.
  await moderator.getByText("Prepare a poll").click();
  await moderator.getByLabel("Kind", { exact: true }).selectOption("SINGLE");
  await moderator.getByLabel("Poll question").fill("Which city should host the next clinic?");
  await moderator.getByLabel("Answers (choice and quiz polls)").fill("Maia\nKraków\nBordeaux");
  await moderator.getByRole("button", { name: "Save poll" }).click();
  await expect(moderator.getByText("The poll is ready to launch.")).toBeVisible();
  const card = pollCard(moderator, "Which city should host the next clinic?");
  await card.getByRole("button", { name: "Launch poll" }).click();
  await expect(card.getByText("Open", { exact: true })).toBeVisible();

  // Two attendees, each in their own browser.
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await signIn(first, "attendee@scale-events.demo");
  await signIn(second, "expert@scale-events.demo");
  for (const page of [first, second]) {
    await page.goto(qa);
    await expect(page.getByRole("status").filter({ hasText: "Live — updates appear automatically" })).toBeVisible();
  }
  const firstCard = pollCard(first, "Which city should host the next clinic?");
  const secondCard = pollCard(second, "Which city should host the next clinic?");
  await firstCard.getByRole("radio", { name: "Kraków" }).check();
  await firstCard.getByRole("button", { name: "Send answer" }).click();
  await expect(first.getByText("Thanks — your answer was counted.")).toBeVisible();
  await expect(secondCard.getByText("1 answer", { exact: true })).toBeVisible(); // moved without a reload
  await secondCard.getByRole("radio", { name: "Bordeaux" }).check();
  await secondCard.getByRole("button", { name: "Send answer" }).click();
  await expect(firstCard.getByText("2 answers", { exact: true })).toBeVisible();
  await expect(secondCard.getByText("2 answers", { exact: true })).toBeVisible();
  await expect(firstCard.getByRole("img", { name: /Kraków 1, Bordeaux 1/ })).toBeVisible();
  await expect(first.getByText("Your answer: Kraków")).toBeVisible();

  // A word cloud created live (the "Prepare a poll" panel is still open).
  if (!(await moderator.getByLabel("Kind", { exact: true }).isVisible())) await moderator.getByText("Prepare a poll").click();
  await moderator.getByLabel("Kind", { exact: true }).selectOption("WORD_CLOUD");
  await moderator.getByLabel("Poll question").fill("One word for this clinic?");
  await moderator.getByLabel("Launch now").check();
  await moderator.getByRole("button", { name: "Save poll" }).click();
  // The socket's notice and, when the form was posted before the socket connected, the page's
  // own flash both say so: either is proof enough.
  await expect(moderator.getByText("The poll is live.").first()).toBeVisible();
  const screen = await (await browser.newContext()).newPage();
  await signIn(screen, "organiser@scale-events.demo");
  await screen.goto(`${qa}/present`);
  await expect(screen.getByRole("heading", { name: "One word for this clinic?" })).toBeVisible();

  const firstCloud = pollCard(first, "One word for this clinic?");
  const secondCloud = pollCard(second, "One word for this clinic?");
  await expect(firstCloud).toBeVisible(); // arrived live
  await firstCloud.getByLabel("A word or two").fill("Trust");
  await firstCloud.getByRole("button", { name: "Send answer" }).click();
  await secondCloud.getByLabel("A word or two").fill("trust");
  await secondCloud.getByRole("button", { name: "Send answer" }).click();
  for (const page of [first, second, screen]) await expect(page.getByRole("img", { name: /trust \(2\)/ })).toBeVisible();
  await expect(screen.getByText("2 answers")).toBeVisible();

  // The moderator hides the entry: gone for the audience.
  const moderatorCloud = pollCard(moderator, "One word for this clinic?");
  await moderatorCloud.getByText(/Hide or show entries/).click();
  await moderatorCloud.getByRole("button", { name: "Hide “trust”" }).click();
  await expect(first.getByRole("img", { name: /trust \(2\)/ })).toHaveCount(0);
});

test("after the event: feedback through the emailed link, a certificate that checks out, and both CSVs", async ({ browser }) => {
  const token = randomBytes(32).toString("base64url");
  const registrationId = await withE2eDatabase(async (client) => {
    const { rows } = await client.query(
      `SELECT r.id, e.id AS "eventId", u.id AS "userId" FROM "Registration" r JOIN "Event" e ON e.id = r."eventId" JOIN "User" u ON u.id = r."userId"
       WHERE e.slug = $1 AND u.email = 'attendee@scale-events.demo'`,
      [PAST],
    );
    const { id, eventId, userId } = rows[0];
    const survey = await client.query(`INSERT INTO "Survey" ("eventId", "title") VALUES ($1, 'Site visit follow-up') RETURNING id`, [eventId]);
    await client.query(
      `INSERT INTO "SurveyQuestion" ("surveyId", kind, prompt, position) VALUES ($1, 'NPS', 'Would you join another site visit?', 0), ($1, 'TEXT', 'Which site impressed you most?', 1)`,
      [survey.rows[0].id],
    );
    await client.query(`INSERT INTO "SurveyInvite" ("surveyId", "userId", "tokenHash", "expiresAt") VALUES ($1, $2, $3, now() + interval '30 days')`, [
      survey.rows[0].id,
      userId,
      createHash("sha256").update(token).digest("hex"),
    ]);
    return id as string;
  });

  const attendee = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await signIn(attendee, "attendee@scale-events.demo");
  await attendee.goto(`/feedback/${token}`);
  await expect(attendee.getByRole("heading", { name: "Site visit follow-up" })).toBeVisible();
  await attendee
    .getByRole("group", { name: /Would you join another site visit/ })
    .getByLabel("9", { exact: true })
    .check();
  await attendee.getByLabel("Which site impressed you most?").fill("The Marvila district heating plant");
  await attendee.getByRole("button", { name: "Send feedback" }).click();
  await expect(attendee.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  await attendee.goto(`/feedback/${token}`);
  await expect(attendee.getByText("Each link works once.")).toBeVisible();

  await attendee.goto(`/my/registrations/${registrationId}`);
  const [pdf] = await Promise.all([attendee.waitForEvent("download"), attendee.getByRole("link", { name: "Download certificate (PDF)" }).click()]);
  expect((await readFile((await pdf.path())!)).subarray(0, 5).toString()).toBe("%PDF-");
  const code = await withE2eDatabase(
    async (client) => (await client.query(`SELECT code FROM "Certificate" WHERE "registrationId" = $1`, [registrationId])).rows[0].code,
  );
  expect(pdf.suggestedFilename()).toBe(`certificate-${code}.pdf`);
  const checker = await (await browser.newContext()).newPage(); // anyone, signed out
  await checker.goto(`/certificates/${code}`);
  await expect(checker.getByText("This certificate is genuine")).toBeVisible();
  await expect(checker.getByText("Lighthouse Cities Exchange: Positive Energy Districts")).toBeVisible();
  await expect(checker.getByText("T. F.")).toBeVisible();
  await expect(checker.getByText("Tomás")).toHaveCount(0);

  const organiser = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await signIn(organiser, "organiser@scale-events.demo");
  await organiser.goto(`/organise/events/${PAST}/feedback`);
  await expect(organiser.getByRole("heading", { name: "Site visit follow-up" })).toBeVisible();
  const [feedbackCsv] = await Promise.all([organiser.waitForEvent("download"), organiser.getByRole("link", { name: "Download feedback (CSV)" }).click()]);
  expect(await readFile((await feedbackCsv.path())!, "utf8")).toContain("The Marvila district heating plant");
  await organiser.goto(`/organise/events/${LIVE}/feedback`);
  const [pollsCsv] = await Promise.all([organiser.waitForEvent("download"), organiser.getByRole("link", { name: "Download poll results (CSV)" }).click()]);
  expect(await readFile((await pollsCsv.path())!, "utf8")).toContain("Which urban data platform does your city run?");
});
