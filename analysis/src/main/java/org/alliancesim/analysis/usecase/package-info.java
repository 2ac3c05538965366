/**
 * The use cases of alliancesim as a library: one entry point per use case, each a class named
 * {@code XUseCase} (the table of docs/api.md lists them all with their requests and results, and
 * {@code ArchitectureTest} checks that it does; this comment names none, so that adding a use case
 * does not touch it), each {@code execute}-ing a
 * typed request record ({@code XRequest}, top-level: many callers build it) and returning a typed
 * result record nested in its use case ({@code XUseCase.Result}; {@code SchemaUseCase} returns the
 * schema's text). Requests validate themselves
 * ({@link org.alliancesim.analysis.usecase.BadRequestException} or the model's
 * {@code ParameterException}); nothing is written before a request is accepted. The requests that
 * simulate share how they run, {@link org.alliancesim.analysis.usecase.Execution} (threads, output,
 * progress, arguments), changed through {@link org.alliancesim.analysis.usecase.Executed}.
 *
 * <p>The command line ({@code org.alliancesim.cli}) and the classroom only translate flags or HTTP
 * parameters into requests and results into output; they use analysis only through this package
 * and the types its public API hands out (enforced by {@code ArchitectureTest}). May depend on every
 * analysis package and on scenarios; never on picocli or Javalin (enforced by {@code ArchitectureTest}). docs/api.md shows each
 * use case from JShell.
 */
package org.alliancesim.analysis.usecase;
