// The integrator's scenario with the client generated from Kreis's API document (openapi-typescript types, openapi-fetch
// calls): every request and answer below is typed by the document alone. Run by GeneratedClientsIT against the packaged
// app; KREIS_URL, KREIS_USER and KREIS_PASSWORD say where and as whom. Exits non-zero at the first step that fails.
import createClient from "openapi-fetch";
import type { paths } from "./generated/kreis-api.js";

const baseUrl = required("KREIS_URL");
const credentials = Buffer.from(`${required("KREIS_USER")}:${required("KREIS_PASSWORD")}`).toString("base64");
const kreis = createClient<paths>({ baseUrl, headers: { Authorization: `Basic ${credentials}` } });
const run = `ts-${Date.now()}`;

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

function check(condition: boolean, what: string, detail?: unknown): void {
  if (!condition) {
    throw new Error(`${what}${detail === undefined ? "" : `: ${JSON.stringify(detail)}`}`);
  }
  console.log(`ok - ${what}`);
}

async function scenario(): Promise<void> {
  const support = { params: { path: { id: "support" } } };
  const module = await kreis.GET("/api/v1/modules/{id}", support);
  check(module.response.ok, "the support module is offered", module.error);
  if (module.data?.state !== "enabled") {
    const installed = await kreis.POST("/api/v1/modules/{id}/install", support);
    check(installed.response.ok && installed.data?.state === "enabled", "the support module is installed and enabled", installed.error);
  }

  const email = `${run}@example.com`;
  const profile = await kreis.POST("/api/v1/profiles", {
    body: {
      source: "web-form",
      externalId: run,
      kind: "person",
      attributes: { firstName: "Anna", lastName: "Schmidt", city: "Berlin" },
      identifiers: [{ type: "email", value: email }],
    },
  });
  check(profile.response.status === 201 && profile.data !== undefined, "a profile with attributes is created (201)", profile.error);
  const customerId = profile.data!.customerId!;

  const customer = await kreis.GET("/api/v1/customers/{id}", { params: { path: { id: customerId } } });
  check(customer.response.ok, "the customer is read", customer.error);
  const city = customer.data?.attributes?.["city"];
  check(city?.value === "Berlin" && city?.source === "web-form", "the customer's golden city is Berlin from web-form", city);

  const batch = await kreis.POST("/api/v1/touchpoints/batch", {
    body: {
      items: [1, 2, 3].map((n) => ({
        source: "shop",
        externalId: `${run}-tp-${n}`,
        type: "core.interaction",
        customerId,
        occurredAt: `2025-03-0${n}T10:00:00Z`,
      })),
    },
  });
  check(batch.response.ok && batch.data?.accepted === 3, "a batch of three touchpoints is accepted", batch.data ?? batch.error);

  const timeline = await kreis.GET("/api/v1/customers/{id}/timeline", { params: { path: { id: customerId } } });
  check(timeline.response.ok && (timeline.data?.items?.length ?? 0) >= 3, "the timeline shows the touchpoints", timeline.error);

  const subjects = ["Invoice shows two seats", "Password reset mail missing"];
  for (const subject of subjects) {
    const ticket = await kreis.POST("/api/v1/support/tickets", { body: { customerId, subject, channel: "email", priority: "high" } });
    check(ticket.response.status === 201 && ticket.data?.status === "open", `the ticket "${subject}" is opened (201)`, ticket.error);
    check(ticket.response.headers.get("Location")?.endsWith(`/api/v1/support/tickets/${ticket.data!.id}`) === true,
      "its Location names it");
  }

  const first = await kreis.GET("/api/v1/support/tickets", { params: { query: { customerId, limit: 1 } } });
  check(first.response.ok && first.data?.items.length === 1 && typeof first.data.nextCursor === "string", "the first page holds one ticket and a cursor",
    first.data ?? first.error);
  const second = await kreis.GET("/api/v1/support/tickets", {
    params: { query: { customerId, limit: 1, cursor: first.data!.nextCursor! } },
  });
  check(second.response.ok && second.data?.items.length === 1 && second.data.items[0]!.id !== first.data!.items[0]!.id,
    "the cursor leads to the second page with the other ticket", second.data ?? second.error);
  check(second.data!.nextCursor === null, "the second page is the last");

  const invalid = await kreis.POST("/api/v1/support/tickets", { body: { customerId, subject: "", channel: "email" } });
  check(invalid.response.status === 422 && invalid.error?.errors?.some((e) => e.field === "subject") === true,
    "a blank subject is refused with a problem naming subject", invalid.error);
}

scenario().then(
  () => console.log("scenario passed"),
  (error: unknown) => {
    console.error(`scenario failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
