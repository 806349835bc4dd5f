package io.redress.complaint;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import io.redress.brand.Brand;
import io.redress.brand.BrandDirectory;
import io.redress.brand.BrandRole;
import io.redress.security.CurrentViewer;
import io.redress.shared.BadRequestException;
import io.redress.shared.ForbiddenException;
import io.redress.shared.GlobalId;
import io.redress.shared.NotFoundException;
import org.apache.commons.csv.CSVFormat;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * A brand's complaints filed in a period, as CSV for its owners and managers: the inbox's fields, one record per
 * complaint, streamed from the database as it reads them (RFC 4180 quoting, CRLF line ends). A cell a spreadsheet
 * would run as a formula (starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) is
 * written with a leading {@code '}, so it stays text.
 */
@Service
class ComplaintExport {

	/** The longest period, in days: a year, a leap year included. */
	static final int MAX_DAYS = 366;
	static final int DEFAULT_DAYS = 30;
	/** Rows the database sends at a time while the export streams. */
	private static final int FETCH_SIZE = 500;

	static final List<String> HEADER = List.of("id", "title", "category", "status", "assignee", "consumer",
			"orderReference", "createdAt", "firstResponseDueAt", "firstResponseAt", "resolutionDueAt", "resolvedAt",
			"dueAt", "overdue", "lastActivityAt");

	private static final String ROWS = """
			SELECT %s FROM complaints c JOIN account_profiles p ON p.profile_id = c.consumer_id
			WHERE c.brand_id = :brandId AND c.created_at >= :from AND c.created_at < :to
			ORDER BY c.created_at, c.id""".formatted(Complaints.COLUMNS);

	private final DatabaseClient db;
	private final BrandDirectory brands;

	ComplaintExport(DatabaseClient db, BrandDirectory brands) {
		this.db = db;
		this.brands = brands;
	}

	/** The export's lines, header first; an error before any line for a caller or period that is refused. */
	Mono<Flux<String>> export(String slug, String from, String to) {
		Period period = Period.of(from, to);
		return CurrentViewer.required().flatMap(viewer -> brands.bySlug(slug)
				.switchIfEmpty(Mono.error(() -> new NotFoundException("Brand")))
				.flatMap(brand -> brands.rolesOf(viewer.subject(), List.of(brand.id()))
						.flatMap(roles -> Mono.justOrEmpty(roles.get(brand.id())))
						.filter(BrandRole::manages)
						.switchIfEmpty(Mono.error(() -> new ForbiddenException(
								"Only the brand's owners and managers export its complaints")))
						.thenReturn(lines(brand, period))));
	}

	private Flux<String> lines(Brand brand, Period period) {
		Flux<String> rows = db.sql(ROWS)
				.filter(statement -> statement.fetchSize(FETCH_SIZE))
				.bind("brandId", brand.id())
				.bind("from", period.from().atStartOfDay().atOffset(ZoneOffset.UTC))
				.bind("to", period.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
				.map(Complaints::complaint).all()
				.map(ComplaintExport::record);
		return Flux.concat(Flux.just(line(HEADER)), rows);
	}

	static String record(Complaint c) {
		return line(Arrays.asList(GlobalId.encode(Complaint.TYPE, c.id()), c.title(), c.category().name(),
				c.status().name(), c.assignee(), c.authorName(), c.orderReference(), text(c.createdAt()),
				text(c.firstResponseDueAt()), text(c.firstResponseAt()), text(c.resolutionDueAt()), text(c.resolvedAt()),
				text(c.dueAt()), String.valueOf(c.overdue() || c.resolutionOverdue()), text(c.lastActivityAt())));
	}

	/** One CSV record with its CRLF; absent values are empty cells. */
	static String line(List<String> cells) {
		return CSVFormat.RFC4180.format(cells.stream().map(ComplaintExport::inert).toArray()) + "\r\n";
	}

	/** A cell a spreadsheet would evaluate, made text by a leading apostrophe (OWASP's advice for CSV injection). */
	static String inert(String cell) {
		if (cell == null || cell.isEmpty()) {
			return cell;
		}
		char first = cell.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + cell : cell;
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}

	/** The days asked for, from and to included: the last 30 by default, a year at most. */
	record Period(LocalDate from, LocalDate to) {

		static Period of(String from, String to) {
			LocalDate end = to == null || to.isBlank() ? LocalDate.now(ZoneOffset.UTC) : date("to", to);
			LocalDate start = from == null || from.isBlank() ? end.minusDays(DEFAULT_DAYS - 1) : date("from", from);
			if (start.isAfter(end)) {
				throw new BadRequestException("from must not be after to");
			}
			if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
				throw new BadRequestException("The period is over a year: at most " + MAX_DAYS + " days");
			}
			return new Period(start, end);
		}

		private static LocalDate date(String name, String value) {
			try {
				return LocalDate.parse(value);
			}
			catch (DateTimeParseException ex) {
				throw new BadRequestException(name + " must be a date such as 2026-11-30");
			}
		}
	}
}
