/**
 * Virtual studies (docs/studies.md): a sample of simulated families measured as a study would
 * ({@link org.alliancesim.analysis.study.VirtualStudy}), analysed as the papers do on the observed
 * data beside the latent truth ({@link org.alliancesim.analysis.study.StudyAnalysis}), and power by
 * simulation ({@link org.alliancesim.analysis.study.StudyPower}); a study's own data read strictly
 * ({@link org.alliancesim.analysis.study.StudyData}) and summarised by the same code as the model's
 * virtual study of it ({@link org.alliancesim.analysis.study.DataSummaries}; docs/fitting-your-data.md).
 */
package org.alliancesim.analysis.study;
