/**
 * The use cases of alliancesim as a library: one entry point per use case ({@code RunUseCase},
 * {@code CompareUseCase}, {@code SweepUseCase}, {@code MergeUseCase}, {@code SlurmUseCase},
 * {@code CalibrateUseCase}, {@code ValidateUseCase}, {@code CompeteUseCase}, {@code StoryUseCase},
 * {@code VerifyUseCase},
 * {@code SchemaUseCase}),
 * each {@code execute}-ing a typed request record and returning a typed result record. Requests
 * validate themselves ({@link org.alliancesim.analysis.usecase.BadRequestException} or the model's
 * {@code ParameterException}); nothing is written before a request is accepted.
 *
 * <p>The command line ({@code org.alliancesim.cli}) and the classroom only translate flags or HTTP
 * parameters into requests and results into output. May depend on every analysis package and on
 * scenarios; never on picocli or Javalin (enforced by {@code ArchitectureTest}). docs/api.md shows each
 * use case from JShell.
 */
package org.alliancesim.analysis.usecase;
