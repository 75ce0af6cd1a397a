package dev.kreis.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kreis.client.ApiClient;
import dev.kreis.client.ApiException;
import dev.kreis.client.api.CustomersApi;
import dev.kreis.client.api.ModulesApi;
import dev.kreis.client.api.ProfilesApi;
import dev.kreis.client.api.SupportApi;
import dev.kreis.client.model.CustomerView;
import dev.kreis.client.model.IdentifierRequest;
import dev.kreis.client.model.ModuleView;
import dev.kreis.client.model.OpenTicketRequest;
import dev.kreis.client.model.PageTouchpointView;
import dev.kreis.client.model.Problem;
import dev.kreis.client.model.ProfileRequest;
import dev.kreis.client.model.Ticket;
import dev.kreis.client.model.TicketPage;

/**
 * An integrator's scenario, run once with each client generated from the API document (nothing patched by hand)
 * against the packaged app: create a profile with attributes, read the customer with its golden values, post a batch of
 * touchpoints, read the timeline, open support tickets (module installed) and list them with a cursor to the second page.
 */
class GeneratedClientsIT {
    private static PackagedApp app;

    @BeforeAll
    static void startTheApp() throws IOException, InterruptedException {
        app = PackagedApp.start();
    }

    @AfterAll
    static void stopTheApp() throws InterruptedException {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theGeneratedJavaClientRunsTheScenario() throws ApiException {
        ApiClient client = new ApiClient();
        client.updateBaseUri(app.baseUrl());
        String basic = Base64.getEncoder().encodeToString((PackagedApp.ADMIN + ":" + PackagedApp.PASSWORD).getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + basic));
        ObjectMapper json = client.getObjectMapper();
        String run = "java-" + UUID.randomUUID();

        ModulesApi modules = new ModulesApi(client);
        if (modules.getModule("support").getState() != ModuleView.StateEnum.ENABLED) {
            assertEquals(ModuleView.StateEnum.ENABLED, modules.installModule("support").getState());
        }

        ProfileRequest profile = new ProfileRequest().source("web-form").externalId(run).kind(ProfileRequest.KindEnum.PERSON)
                .identifiers(List.of(new IdentifierRequest().type("email").value(run + "@example.com")))
                .attributes(Map.of("city", "Berlin", "seats", 3));
        UUID customerId = new ProfilesApi(client).submitProfile(profile).getCustomerId();

        CustomersApi customers = new CustomersApi(client);
        CustomerView customer = customers.getCustomer(customerId);
        // A scalar value is documented as any JSON value (string, number or boolean), so it arrives as the JSON type it has.
        assertEquals("Berlin", customer.getAttributes().get("city").getValue());
        Object seats = customer.getAttributes().get("seats").getValue();
        assertTrue(seats instanceof Number, "seats arrives as a number: " + seats);
        assertEquals(0, new BigDecimal(3).compareTo(new BigDecimal(seats.toString())));
        assertEquals("web-form", customer.getAttributes().get("city").getSource());

        PageTouchpointView timeline = customers.getTimeline(customerId, null, null, null, null, null, null, null, null);
        assertNotNull(timeline.getItems());

        SupportApi support = new SupportApi(client);
        Ticket first = support.createTicket(new OpenTicketRequest().customerId(customerId).subject("Invoice shows two seats")
                .channel(OpenTicketRequest.ChannelEnum.EMAIL).priority(OpenTicketRequest.PriorityEnum.HIGH));
        Ticket second = support.createTicket(new OpenTicketRequest().customerId(customerId).subject("Password reset mail missing")
                .channel(OpenTicketRequest.ChannelEnum.CHAT));
        assertEquals(Ticket.StatusEnum.OPEN, first.getStatus());
        assertEquals(Ticket.PriorityEnum.NORMAL, second.getPriority());

        TicketPage page1 = support.listTickets(null, null, customerId, 1, null, null);
        assertEquals(1, page1.getItems().size());
        assertNotNull(page1.getNextCursor());
        TicketPage page2 = support.listTickets(null, page1.getNextCursor(), customerId, 1, null, null);
        assertEquals(1, page2.getItems().size());
        assertNotEquals(page1.getItems().get(0).getId(), page2.getItems().get(0).getId());
        assertNull(page2.getNextCursor());

        ApiException invalid = assertThrows(ApiException.class, () -> support.createTicket(new OpenTicketRequest().customerId(customerId)
                .subject(" ").channel(OpenTicketRequest.ChannelEnum.EMAIL)));
        assertEquals(422, invalid.getCode());
        Problem problem = readProblem(json, invalid.getResponseBody());
        assertTrue(problem.getErrors().stream().anyMatch(e -> e.getField().equals("subject")), invalid.getResponseBody());
    }

    @Test
    void theGeneratedTypeScriptClientRunsTheScenario() throws IOException, InterruptedException {
        Path project = Path.of(System.getProperty("kreis.clients.typescript"));
        run(project, "the TypeScript scenario type-checks against the generated types", "npm", "run", "build");
        run(project, "the TypeScript scenario passes", "npm", "run", "scenario");
    }

    private static void run(Path directory, String what, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("KREIS_URL", app.baseUrl());
        builder.environment().put("KREIS_USER", PackagedApp.ADMIN);
        builder.environment().put("KREIS_PASSWORD", PackagedApp.PASSWORD);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), what + ": timed out\n" + output);
        assertEquals(0, process.exitValue(), what + ":\n" + output);
    }

    private static Problem readProblem(ObjectMapper json, String body) {
        try {
            return json.readValue(body, Problem.class);
        } catch (IOException e) {
            throw new AssertionError("not a problem body: " + body, e);
        }
    }
}
