package io.redress.graphql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationMessagesTests {

	@Test
	void enumIntAndStringValuesReadAsTheClientWroteThem() {
		assertThat(ValidationMessages.readable("argument 'input.category' with value 'EnumValue{name='FOOD'}' is not "
				+ "a valid 'ComplaintCategory' - 'EnumValue{name='FOOD'}'"))
				.isEqualTo("argument 'input.category' with value 'FOOD' is not a valid 'ComplaintCategory' - 'FOOD'");
		assertThat(ValidationMessages.readable("value 'IntValue{value=99999999999}' is not an Int"))
				.isEqualTo("value '99999999999' is not an Int");
		assertThat(ValidationMessages.readable("value 'StringValue{value='ten'}' is not an Int"))
				.isEqualTo("value '\"ten\"' is not an Int");
	}

	@Test
	void objectsAndListsBecomeAnEllipsis() {
		assertThat(ValidationMessages.readable("with value 'ObjectValue{objectFields=[ObjectField{name='name', "
				+ "value=StringValue{value='x'}}]}' has a field not in the type"))
				.isEqualTo("with value '{…}' has a field not in the type");
		assertThat(ValidationMessages.readable("with value 'ArrayValue{values=[IntValue{value=1}]}'"))
				.isEqualTo("with value '[…]'");
	}

	@Test
	void messagesWithoutSyntaxTreesAreLeftAlone() {
		assertThat(ValidationMessages.readable("Field 'nope' in type 'Brand' is undefined"))
				.isEqualTo("Field 'nope' in type 'Brand' is undefined");
	}
}
