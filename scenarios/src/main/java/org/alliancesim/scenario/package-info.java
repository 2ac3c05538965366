/** Scenario files: loading, validation and schema. Filled by the scenario-format work (issue 4). */
package org.alliancesim.scenario;
