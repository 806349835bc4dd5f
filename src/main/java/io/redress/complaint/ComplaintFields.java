package io.redress.complaint;

import graphql.schema.idl.RuntimeWiring;
import io.redress.brand.Brand;
import io.redress.complaint.ComplaintController.BrandPageArguments;
import io.redress.complaint.ComplaintController.ComplaintAuthor;
import io.redress.shared.GlobalId;
import io.redress.shared.LoadedField;
import io.redress.shared.PlainField;
import io.redress.shared.PreloadedField;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The fields of {@code Complaint} computed from the row alone, once per row of every page: plain fields, not
 * {@code @SchemaMapping} methods. The description, and a rating's comment, are masked here, only when a query asks
 * for them. The brand and the rating come with the row when its page read them (ComplaintJoins), from a data loader
 * otherwise; a brand's page of complaints is a keyed loader's, as for every brand of a list.
 */
@Component
class ComplaintFields implements RuntimeWiringConfigurer {

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("Brand", type -> type.dataFetcher("complaints",
				LoadedField.<Brand, BrandPageArguments>of(ComplaintController.BRAND_PAGES,
						ComplaintController::brandPageArguments, ComplaintController.BrandPageKey::of)));
		wiring.type("Complaint", type -> type
				.dataFetcher("id", PlainField.<Complaint>of(complaint -> GlobalId.encode(Complaint.TYPE, complaint.id())))
				.dataFetcher("author", PlainField.<Complaint>of(complaint -> new ComplaintAuthor(complaint.authorName())))
				.dataFetcher("description", PlainField.of(Complaint::shownDescription))
				.dataFetcher("brand", PreloadedField.<Complaint>of(complaint -> complaint.related().brand() != null,
						complaint -> complaint.related().brand(), ComplaintController.BRANDS))
				.dataFetcher("rating", PreloadedField.<Complaint>of(complaint -> complaint.related().ratingRead(),
						complaint -> complaint.related().rating(), ComplaintController.RATINGS)));
		wiring.type("Rating", type -> type.dataFetcher("comment", PlainField.of(Rating::shownComment)));
	}
}
