// Drives the plugin in Debian's headless Chromium (npm playwright-core), as a
// GP clicking "Welzijn op Recept" in the EHR. One phase per run:
//
//   node drive.mjs refer    launch → prefilled form → a contra-indication is
//                           refused → a valid submit creates the referral (a
//                           repeated submit of the same form creates no
//                           second one); prints REFERRAL=<name>
//   node drive.mjs status   a new launch; the status card shows the feedback
//   node drive.mjs withheld after consent for feedback was withdrawn: the
//                           card shows feedback exists, not its content
//   node drive.mjs errors   expired and forged launches, a wrong state, a
//                           token without patient, no session: clear pages
//
// Environment: PLUGIN_BASE, FHIR_BASE, TEST_BASE, ARTEFACTS, FEEDBACK_TEXT.
// Exits non-zero with a message on the first failed check.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import path from 'node:path';

const PLUGIN_BASE = process.env.PLUGIN_BASE;
const FHIR_BASE = process.env.FHIR_BASE;
const TEST_BASE = process.env.TEST_BASE;
const ARTEFACTS = process.env.ARTEFACTS;
const phase = process.argv[2];

const PERSONAL = ['Sanne', 'de Boer', '0612345678', 'sanne.deboer@example.org', 'Hoofdstraat'];

let step = 0;
function ok(message) {
  step += 1;
  process.stdout.write(`ok ${phase}.${step} - ${message}\n`);
}

async function openLaunch(body = {}) {
  const response = await fetch(`${TEST_BASE}/_test/launch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()).launch;
}

function launchUrl(launch, extra = '') {
  return `${PLUGIN_BASE}/launch?iss=${encodeURIComponent(FHIR_BASE)}&launch=${encodeURIComponent(launch)}${extra}`;
}

async function screenshot(page, name) {
  const file = path.join(ARTEFACTS, name);
  await page.screenshot({ path: file, fullPage: true });
  process.stdout.write(`screenshot: ${file}\n`);
}

async function value(page, field) {
  return page.inputValue(`[name="${field}"]`);
}

async function choose(page, field, optionValue) {
  await page.check(`input[name="${field}"][value="${optionValue}"]`);
}

// An error page: Dutch, says what to do, no technical trace, no personal data.
async function expectErrorPage(page, response, status, title) {
  assert.equal(response.status(), status, `HTTP status of "${title}"`);
  assert.equal(await page.getAttribute('html', 'lang'), 'nl');
  assert.equal((await page.textContent('h1')).trim(), title);
  const text = await page.textContent('body');
  assert.match(text, /opnieuw|Open/, 'says what to do');
  for (const word of [...PERSONAL, 'Error', 'error', 'stack', 'Exception', 'grpc', 'UNAVAILABLE', 'undefined']) {
    assert.ok(!text.includes(word), `error page "${title}" must not contain "${word}"`);
  }
}

async function refer(page) {
  const launch = await openLaunch();
  const response = await page.goto(launchUrl(launch));
  assert.equal(response.status(), 200);
  assert.equal(new URL(page.url()).pathname, '/referral');
  assert.equal(await page.getAttribute('html', 'lang'), 'nl');
  assert.equal((await page.textContent('h1')).trim(), 'Verwijzen naar de welzijnscoach');
  ok('the EHR launch ends on the referral form, in Dutch');

  const expected = {
    'patient.given_name': 'Sanne',
    'patient.family_name': 'de Boer',
    'patient.birth_date': '1980-04-12',
    'patient.phone': '0612345678',
    'patient.email': 'sanne.deboer@example.org',
    'patient.address.street': 'Hoofdstraat',
    'patient.address.house_number': '12',
    'patient.address.postal_code': '7941 AB',
    'patient.address.city': 'Meppel',
    'referrer.person_agb': '01234567',
    'referrer.practice_agb': '01012345',
    'referrer.display_name': 'dr. Anna Jansen',
    'consent.obtained_by_agb': '01234567',
  };
  for (const [field, wanted] of Object.entries(expected)) {
    assert.equal(await value(page, field), wanted, `prefilled ${field}`);
  }
  assert.ok(await page.isChecked('input[name="referrer.role"][value="REFERRER_ROLE_GP"]'));
  ok('patient and practitioner are prefilled from FHIR (name, birth date, phone, e-mail, address, AGB)');

  // The questions come from the server's form, with their labels.
  const loneliness = await page.getAttribute('input[name="indicators"][value="INDICATOR_LONELINESS"]', 'id');
  assert.match(await page.textContent(`label[for="${loneliness}"]`), /\S{5,}/);
  assert.equal(await page.locator('label[for="f-patient-given_name"]').count(), 1);
  assert.ok((await page.locator('fieldset legend').count()) >= 10, 'choices are fieldsets with legends');
  assert.equal(await page.locator('input[name="route"]').count(), 0, 'the route is the plugin\'s, not asked');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip', 'a skip link comes first');
  await page.focus('#f-patient-given_name');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  ok('the form is built from GetReferralForm: labelled fields, fieldsets with legends, a skip link, visible focus');
  await screenshot(page, '01-referral-form.png');

  await choose(page, 'indicators', 'INDICATOR_LONELINESS');
  await choose(page, 'indicators', 'INDICATOR_SLEEP_PROBLEMS');
  await choose(page, 'patient.preferred_contact_times', 'CONTACT_TIME_MORNING');
  for (const q of ['extensive_care_trajectory', 'chronic_psychiatric_illness',
    'intellectual_disability_intensive_support', 'serious_personality_disorder']) {
    await choose(page, `contra_indications.${q}`, 'YES_NO_NO');
  }
  await choose(page, 'contra_indications.serious_drug_use', 'YES_NO_YES');
  for (const q of ['problems_fit_profile', 'patient_sees_other_approach', 'patient_motivated', 'patient_open_to_activity']) {
    await choose(page, `conversation.${q}`, 'YES_NO_YES');
  }
  const question = 'Mevrouw voelt zich eenzaam sinds haar verhuizing en wil graag nieuwe mensen leren kennen.';
  await page.fill('[name="patient_question"]', question);
  await choose(page, 'consent.scopes', 'CONSENT_SCOPE_SHARE_WITH_COACH');
  await choose(page, 'consent.scopes', 'CONSENT_SCOPE_FEEDBACK_TO_REFERRER');
  await choose(page, 'consent.method', 'CONSENT_METHOD_VERBAL');

  const [refused] = await Promise.all([
    page.waitForNavigation(),
    page.click('button[type="submit"]'),
  ]);
  assert.equal(refused.status(), 422);
  const summary = await page.textContent('#error-summary');
  assert.match(summary, /De verwijzing is niet verstuurd/);
  const fieldError = page.locator('#f-contra_indications-serious_drug_use-error');
  assert.ok(await fieldError.isVisible(), 'the refusal is next to the question');
  const describedBy = await page.getAttribute('#f-contra_indications-serious_drug_use', 'aria-describedby');
  assert.match(describedBy, /f-contra_indications-serious_drug_use-error/);
  assert.match(await fieldError.textContent(), /\S{10,}/);
  assert.equal(await page.inputValue('[name="patient_question"]'), question, 'entered text kept');
  assert.ok(await page.isChecked('input[name="indicators"][value="INDICATOR_SLEEP_PROBLEMS"]'), 'choices kept');
  assert.ok(await page.isChecked('input[name="contra_indications.serious_drug_use"][value="YES_NO_YES"]'));
  ok(`a contra-indication is refused by the server, next to its question: "${(await fieldError.textContent()).trim().slice(0, 80)}…"`);
  await screenshot(page, '02-refusal.png');

  await choose(page, 'contra_indications.serious_drug_use', 'YES_NO_NO');
  const body = await page.evaluate(() => new URLSearchParams(new FormData(document.querySelector('form'))).toString());
  const [created] = await Promise.all([
    page.waitForNavigation(),
    page.click('button[type="submit"]'),
  ]);
  assert.equal(created.status(), 200);
  assert.equal(new URL(page.url()).pathname, '/status');
  const referral = new URL(page.url()).searchParams.get('created');
  assert.match(referral, /^referrals\/[A-Za-z0-9_-]+$/);
  assert.match(await page.textContent('[role="status"]'), /De verwijzing is verstuurd/);
  assert.equal(await page.getAttribute(`[data-referral="${referral}"] .state`, 'data-state'), 'REFERRAL_STATE_REQUESTED');
  assert.match(await page.textContent(`[data-referral="${referral}"]`), /eerste contact \(uiterlijk\)\s*\d{4}-\d{2}-\d{2}\s*loopt/);
  ok(`a valid submit creates ${referral}; the status card shows it requested with its deadlines`);
  await screenshot(page, '03-status-created.png');

  // The same form sent again (a double click, a resend): the same referral.
  const again = await page.request.post(`${PLUGIN_BASE}/referral?lang=nl`, {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    data: body,
    maxRedirects: 0,
  });
  assert.equal(again.status(), 303);
  assert.equal(new URL(again.headers().location, PLUGIN_BASE).searchParams.get('created'), referral);
  await page.goto(`${PLUGIN_BASE}/status`);
  assert.equal(await page.locator('[data-referral]').count(), 1, 'one referral for this patient');
  ok('submitting the same form again creates no second referral');
  process.stdout.write(`REFERRAL=${referral}\n`);
}

async function status(page) {
  const launch = await openLaunch();
  await page.goto(launchUrl(launch));
  const response = await page.goto(`${PLUGIN_BASE}/status`);
  assert.equal(response.status(), 200);
  const card = await page.textContent('main');
  assert.ok(card.includes(process.env.FEEDBACK_TEXT), 'the feedback text is on the card');
  assert.match(card, /na de intake/);
  assert.match(card, /in het dossier/);
  assert.match(card, /intake gehouden/);
  assert.match(card, /eerste contact \(uiterlijk\)\s*\d{4}-\d{2}-\d{2}\s*gehaald/);
  ok('the status card shows the state, the deadlines met and the feedback, marked as in the record');
  await screenshot(page, '04-status-feedback.png');
  await page.goto(`${PLUGIN_BASE}/status?lang=en`);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('main'), /after the intake/);
  ok('the language switch gives the card in English');
  await page.goto(`${PLUGIN_BASE}/referral`);
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the choice is remembered');
  assert.equal((await page.textContent('h1')).trim(), 'Refer to the welfare coach');
  ok('the form follows in English');
}

async function withheld(page) {
  await page.goto(launchUrl(await openLaunch()));
  const response = await page.goto(`${PLUGIN_BASE}/status?lang=nl`);
  assert.equal(response.status(), 200);
  const card = await page.textContent('main');
  assert.match(card, /bij afronding/);
  assert.match(card, /de inhoud wordt niet gedeeld/);
  assert.ok(!card.includes(process.env.CLOSING_TEXT), 'withheld content is not shown');
  assert.match(card, /afgerond/);
  ok('after consent for feedback was withdrawn the card shows the feedback exists, not its content');
  await screenshot(page, '05-status-withheld.png');
}

async function errors(page, context) {
  let response = await page.goto(launchUrl(await openLaunch({ ttlMs: -1000 })));
  await expectErrorPage(page, response, 403, 'Het HIS gaf geen toegang');
  ok('an expired launch ends on a clear error page');

  response = await page.goto(launchUrl('forged-launch-id'));
  await expectErrorPage(page, response, 403, 'Het HIS gaf geen toegang');
  ok('a forged launch ends on a clear error page');

  response = await page.goto(`${PLUGIN_BASE}/callback?code=abc&state=forged-state`);
  await expectErrorPage(page, response, 400, 'Deze aanmelding is verlopen of ongeldig');
  ok('a wrong state is refused');

  response = await page.goto(launchUrl(await openLaunch({ patient: null })));
  await expectErrorPage(page, response, 400, 'Geen patiënt geselecteerd');
  ok('a token without patient context is refused');

  response = await page.goto(`${PLUGIN_BASE}/launch`);
  await expectErrorPage(page, response, 400, 'Starten vanuit het dossier is mislukt');
  response = await page.goto(`${PLUGIN_BASE}/launch?iss=${encodeURIComponent('https://evil.example/fhir')}&launch=x`);
  await expectErrorPage(page, response, 400, 'Starten vanuit het dossier is mislukt');
  ok('a launch without iss, or from an unknown EHR, is refused');

  await context.clearCookies();
  response = await page.goto(`${PLUGIN_BASE}/referral`);
  await expectErrorPage(page, response, 401, 'Uw sessie is verlopen');
  ok('without a session the form is not shown');

  // The session cookie is HttpOnly, Secure, SameSite=Lax and the plugin's own.
  await page.goto(launchUrl(await openLaunch()));
  const cookie = (await context.cookies(PLUGIN_BASE)).find((c) => c.name === '__Host-wor-plugin');
  assert.ok(cookie, 'session cookie set');
  assert.ok(cookie.httpOnly && cookie.secure && cookie.sameSite === 'Lax', JSON.stringify({ ...cookie, value: '…' }));
  ok('the session cookie is __Host-wor-plugin: HttpOnly, Secure, SameSite=Lax');
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let exitCode = 0;
try {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'nl-NL' });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  if (phase === 'refer') await refer(page);
  else if (phase === 'status') await status(page);
  else if (phase === 'withheld') await withheld(page);
  else if (phase === 'errors') await errors(page, context);
  else throw new Error(`unknown phase ${phase}`);
} catch (e) {
  process.stderr.write(`drive ${phase}: FAILED: ${e.message}\n`);
  exitCode = 1;
} finally {
  await browser.close();
}
process.exit(exitCode);
