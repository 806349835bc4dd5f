package io.redress.graphql;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;

/**
 * graphql-java's chain of instrumentations, which hands its hooks for each object and each field only to the
 * instrumentations that implement them. The plain chain asks every instrumentation at every field, four or five times
 * (execution, fetching, completion, list completion; and once per object), and builds a list and a context of its own
 * each time even when every answer is "nothing": with five instrumentations that all work per request (the limits, the
 * observation, the shared subscription fields), a Q2 answer of some 650 fields and 300 objects paid for thousands of
 * such calls. A hook no instrumentation overrides is now answered with nothing at once; one that some instrumentation
 * overrides goes through the whole chain as before, so nothing changes for it.
 * {@code instrumentDataFetcher}, asked at every field too, goes through the chain only where some instrumentation may
 * change a fetcher: in a subscription when any overrides it, in a query or mutation when any overrides it that is not
 * {@link SubscriptionFetchersOnly}. A plain loop without allocation, but over eight instrumentations each called
 * through an interface, it was 6.7 % of Q3's CPU (400 fields an answer) while none of them changes a query's fetcher.
 * (graphql-java's own {@code NoContextChainedInstrumentation} still calls every hook and drops every context, the
 * request observation's end included, so it does not serve.)
 */
final class InstrumentationChain extends ChainedInstrumentation {

	/** Classes whose hooks do nothing: graphql-java's defaults. */
	private static final Set<Class<?>> DEFAULTS = Set.of(Instrumentation.class, SimplePerformantInstrumentation.class);

	private final boolean executeObject;
	private final boolean fieldExecution;
	private final boolean fieldFetching;
	private final boolean fieldCompletion;
	private final boolean listCompletion;
	private final boolean subscriptionFetchers;
	private final boolean operationFetchers;

	InstrumentationChain(List<Instrumentation> instrumentations) {
		super(instrumentations);
		this.executeObject = anyImplements(instrumentations, "beginExecuteObject",
				InstrumentationExecutionStrategyParameters.class);
		this.fieldExecution = anyImplements(instrumentations, "beginFieldExecution",
				InstrumentationFieldParameters.class);
		// graphql-java's default beginFieldFetching calls the deprecated beginFieldFetch and adapts its answer.
		this.fieldFetching = anyImplements(instrumentations, "beginFieldFetching",
				InstrumentationFieldFetchParameters.class)
				|| anyImplements(instrumentations, "beginFieldFetch", InstrumentationFieldFetchParameters.class);
		this.fieldCompletion = anyImplements(instrumentations, "beginFieldCompletion",
				InstrumentationFieldCompleteParameters.class);
		this.listCompletion = anyImplements(instrumentations, "beginFieldListCompletion",
				InstrumentationFieldCompleteParameters.class);
		this.subscriptionFetchers = anyImplements(instrumentations, "instrumentDataFetcher", DataFetcher.class,
				InstrumentationFieldFetchParameters.class);
		this.operationFetchers = anyImplements(
				instrumentations.stream().filter(each -> !(each instanceof SubscriptionFetchersOnly)).toList(),
				"instrumentDataFetcher", DataFetcher.class, InstrumentationFieldFetchParameters.class);
	}

	/** Whether any of {@code instrumentations} has a hook of its own named {@code hook}, not graphql-java's default. */
	static boolean anyImplements(List<Instrumentation> instrumentations, String hook, Class<?>... parameters) {
		Class<?>[] signature = Arrays.copyOf(parameters, parameters.length + 1);
		signature[parameters.length] = InstrumentationState.class;
		return instrumentations.stream().anyMatch(instrumentation -> {
			try {
				Method method = instrumentation.getClass().getMethod(hook, signature);
				return !DEFAULTS.contains(method.getDeclaringClass());
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException("graphql-java's Instrumentation has no " + hook, ex);
			}
		});
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		boolean asked = parameters.getExecutionContext().isSubscriptionOperation() ? subscriptionFetchers
				: operationFetchers;
		return asked ? super.instrumentDataFetcher(fetcher, parameters, state) : fetcher;
	}

	@Override
	public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
			InstrumentationState state) {
		return executeObject ? super.beginExecuteObject(parameters, state) : null;
	}

	@Override
	public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
			InstrumentationState state) {
		return fieldExecution ? super.beginFieldExecution(parameters, state) : null;
	}

	@Override
	public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		return fieldFetching ? super.beginFieldFetching(parameters, state) : null;
	}

	@Override
	public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
			InstrumentationState state) {
		return fieldCompletion ? super.beginFieldCompletion(parameters, state) : null;
	}

	@Override
	public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters,
			InstrumentationState state) {
		return listCompletion ? super.beginFieldListCompletion(parameters, state) : null;
	}

	/**
	 * An instrumentation whose {@code instrumentDataFetcher} hands back the fetcher of every query and mutation field
	 * as it is: it wraps those of subscriptions only, or none. The chain does not ask it at a query's or a mutation's
	 * fields.
	 */
	interface SubscriptionFetchersOnly extends Instrumentation {
	}
}
