package io.redress.complaint;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.redress.ApiTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.redress.complaint.TargetTests.rowId;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /brands/{slug}/complaints.csv}: the brand's owners and managers, RFC 4180, no formulas, a bounded period. */
class ComplaintExportTests extends ApiTest {

	private String brand;
	private String owner;
	private String manager;
	private String agent;
	private String integration;
	private String consumer;
	private String tricky;

	@BeforeEach
	void brandWithComplaints() {
		brand = unique("export");
		owner = unique("owner");
		manager = unique("manager");
		agent = unique("agent");
		integration = unique("helpdesk");
		consumer = unique("consumer");
		String brandId = registerBrand(owner, brand);
		addMember(owner, brandId, manager, "MANAGER");
		addMember(owner, brandId, agent, "AGENT");
		addMember(owner, brandId, integration, "INTEGRATION");
		fileComplaint(consumer, brand, "Plain title", "Nothing special");
		tricky = fileComplaint(consumer, brand, "=HYPERLINK(\"http://evil.example\",\"click\")",
				"A formula", "+1, \"quoted\"\nand a new line");
	}

	@Test
	void ownersAndManagersGetEveryComplaintOfThePeriodAsRfc4180() throws IOException {
		for (String caller : List.of(owner, manager)) {
			String csv = export(caller, "").expectStatus().isOk()
					.expectHeader().contentTypeCompatibleWith("text/csv")
					.expectHeader().valueMatches("Content-Disposition", "attachment; filename=\"" + brand + "-complaints.csv\"")
					.expectBody(String.class).returnResult().getResponseBody();

			assertThat(csv).contains("\r\n").endsWith("\r\n");
			List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
			assertThat(records.get(0).toList()).isEqualTo(ComplaintExport.HEADER);
			assertThat(records).hasSize(3);
			CSVRecord formula = records.stream().filter(record -> record.get(0).equals(tricky)).findFirst().orElseThrow();
			assertThat(formula.get(1)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"click\")");
			assertThat(formula.get(6)).isEqualTo("'+1, \"quoted\"\nand a new line");
			assertThat(formula.get(3)).isEqualTo("OPEN");
		}
	}

	@Test
	void agentsIntegrationsModeratorsAndConsumersAreRefusedAndAnonymousCallersAskedToSignIn() {
		for (String caller : List.of(agent, integration, "mod", consumer)) {
			export(caller, "").expectStatus().isForbidden();
		}
		http().get().uri("/brands/{slug}/complaints.csv", brand).exchange().expectStatus().isUnauthorized()
				.expectHeader().valueEquals("WWW-Authenticate", "Bearer");
		http().get().uri("/brands/{slug}/complaints.csv", unique("nobody")).headers(headers -> headers
				.setBearerAuth(issuer().token(owner))).exchange().expectStatus().isNotFound();
	}

	@Test
	void thePeriodNamesTheDaysFiledAndIsAtMostAYear() throws IOException {
		db.sql("UPDATE complaints SET created_at = now() - interval '40 days' WHERE id = :id")
				.bind("id", rowId(tricky)).then().block();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);

		assertThat(rows(export(owner, ""))).isEqualTo(1);
		assertThat(rows(export(owner, "?from=" + today.minusDays(60) + "&to=" + today))).isEqualTo(2);
		assertThat(rows(export(owner, "?from=" + today.minusDays(45) + "&to=" + today.minusDays(35)))).isEqualTo(1);
		for (String bad : List.of("?from=" + today.minusDays(366) + "&to=" + today, "?from=" + today + "&to="
				+ today.minusDays(1), "?from=yesterday")) {
			export(owner, bad).expectStatus().isEqualTo(HttpStatus.BAD_REQUEST);
		}
	}

	@Test
	void cellsThatASpreadsheetWouldRunStayText() {
		for (Map.Entry<String, String> cell : Map.of("=1+1", "'=1+1", "+49 30", "'+49 30", "-2", "'-2", "@SUM(A1)",
				"'@SUM(A1)", "\tx", "'\tx", "plain", "plain", "a=b", "a=b").entrySet()) {
			assertThat(ComplaintExport.inert(cell.getKey())).isEqualTo(cell.getValue());
		}
	}

	private WebTestClient.ResponseSpec export(String caller, String query) {
		return http().get().uri("/brands/" + brand + "/complaints.csv" + query)
				.headers(headers -> headers.setBearerAuth(issuer().token(caller))).exchange();
	}

	private static int rows(WebTestClient.ResponseSpec response) throws IOException {
		String csv = response.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords().size() - 1;
	}
}
