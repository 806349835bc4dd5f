package io.redress.brand;

import java.util.List;
import java.util.Map;

import io.redress.brand.SavedReplyInputs.DeleteSavedReplyInput;
import io.redress.brand.SavedReplyInputs.SaveReplyInput;
import io.redress.brand.SavedReplyInputs.SavedReplyPayload;
import io.redress.shared.GlobalId;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Maps the saved replies: {@code Brand.savedReplies}, {@code saveReply}, {@code deleteSavedReply}. */
@Controller
class SavedReplyController {

	private final SavedReplyManagement replies;

	SavedReplyController(SavedReplyManagement replies) {
		this.replies = replies;
	}

	@BatchMapping(typeName = "Brand")
	Mono<Map<Brand, List<SavedReply>>> savedReplies(List<Brand> brands) {
		return replies.ofBrands(brands);
	}

	@SchemaMapping(typeName = "SavedReply")
	String id(SavedReply reply) {
		return GlobalId.encode(SavedReply.TYPE, reply.id());
	}

	@MutationMapping
	Mono<SavedReplyPayload> saveReply(@Argument SaveReplyInput input) {
		return replies.save(input);
	}

	@MutationMapping
	Mono<SavedReplyPayload> deleteSavedReply(@Argument DeleteSavedReplyInput input) {
		return replies.delete(input);
	}
}
