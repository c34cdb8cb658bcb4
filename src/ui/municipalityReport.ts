// The PDF report per municipality (A4 landscape): page 1 the map of the municipality with legend and
// sources; then the targets (basis/trend), the key projects, the reachability of those projects and
// the woonservicegebieden summary, each section with its source line. All text is real PDF text.

import type { jsPDF as JsPdf } from 'jspdf';
import { exportFileName, mapRenderSize, millimetresToPixels, PAPER_MM, PDF_MAP_DPI, toPdfText } from '../analysis/exportLayout';
import { citeSource, sourceLines } from '../analysis/exportContent';
import { DASYMETRIC_SOURCE_IDS } from '../analysis/dasymetric';
import { geometryBounds, municipalityZoneSummary, verdictCounts } from '../analysis/municipalityReport';
import { COVERAGE_HOUSING_TYPES } from '../analysis/zoneCoverage';
import { requiredAmenities } from '../domain/serviceZones';
import { HOUSING_TYPES, totalHomes } from '../domain/housing';
import { isMessageKey } from '../i18n/catalogue';
import { $appData, $keyProjectsByMunicipality, $sourcesById } from '../stores/appData';
import { $formatNumber, $language, $translate } from '../stores/language';
import { $mapCamera, MapNotReadyError, renderMap } from '../stores/mapSnapshot';
import { $normProfile, $walkingSpeed } from '../stores/norms';
import { $planKeyProjects } from '../stores/planKeyProjects';
import { facilitySources } from '../stores/legendContent';
import { $siteRows } from '../stores/projectTable';
import { $activeZoneDefinition, $zoneMembershipSource } from '../stores/serviceZones';
import { $zoneCoverage, COVERAGE_GRID_METERS } from '../stores/zoneCoverage';
import { drawPage, newPdf, pdfPainter, planPage } from './exportWriters';
import { currentExportContent, exportDateText, type ExportedFile } from './mapExport';

const PAGE = PAPER_MM.a4;
const MARGIN = 15;
const BODY_PT = 10;
const MM_PER_PT = 25.4 / 72;

/** Writes text down the page, starting a new page when the next block would not fit. */
class PageFlow {
  y = MARGIN;
  constructor(private readonly doc: JsPdf) {}

  private ensure(height: number): void {
    if (this.y + height <= PAGE.height - MARGIN) return;
    this.doc.addPage('a4', 'landscape');
    this.y = MARGIN;
  }

  heading(text: string): void {
    this.ensure(14);
    this.y += 3;
    this.doc.setFont('helvetica', 'bold').setFontSize(14).setTextColor('#1a1a1a');
    this.doc.text(toPdfText(text), MARGIN, this.y, { baseline: 'top' });
    this.y += 14 * MM_PER_PT * 1.4;
  }

  paragraph(text: string, options: { size?: number; italic?: boolean; bold?: boolean } = {}): void {
    const size = options.size ?? BODY_PT;
    this.doc.setFont('helvetica', options.bold ? 'bold' : options.italic ? 'italic' : 'normal').setFontSize(size).setTextColor(options.italic ? '#444444' : '#1a1a1a');
    const lines: string[] = this.doc.splitTextToSize(toPdfText(text), PAGE.width - 2 * MARGIN);
    const lineHeight = size * MM_PER_PT * 1.3;
    for (const line of lines) {
      this.ensure(lineHeight);
      this.doc.text(line, MARGIN, this.y, { baseline: 'top' });
      this.y += lineHeight;
    }
    this.y += 1.5;
  }

  /** A table with a bold header row; `widths` in millimetres; long cells wrap within their column. */
  table(header: string[], rows: string[][], widths: number[]): void {
    const lineHeight = BODY_PT * MM_PER_PT * 1.3;
    const writeRow = (cells: string[], bold: boolean) => {
      this.doc.setFont('helvetica', bold ? 'bold' : 'normal').setFontSize(BODY_PT).setTextColor('#1a1a1a');
      const wrapped = cells.map((cell, index) => this.doc.splitTextToSize(toPdfText(cell), widths[index]! - 2) as string[]);
      const height = Math.max(...wrapped.map((lines) => lines.length)) * lineHeight + 1.2;
      this.ensure(height);
      let x = MARGIN;
      wrapped.forEach((lines, index) => {
        lines.forEach((line, lineIndex) => this.doc.text(line, x, this.y + lineIndex * lineHeight, { baseline: 'top' }));
        x += widths[index]!;
      });
      this.y += height;
      this.doc.setDrawColor('#bbbbbb').setLineWidth(0.2).line(MARGIN, this.y - 0.6, MARGIN + widths.reduce((sum, width) => sum + width, 0), this.y - 0.6);
    };
    writeRow(header, true);
    for (const row of rows) writeRow(row, false);
    this.y += 2;
  }
}

/** The report for one municipality as a PDF file. */
export async function exportMunicipalityReport(code: string, date = new Date()): Promise<ExportedFile> {
  const t = $translate.get();
  const formatNumber = $formatNumber.get();
  const data = $appData.get();
  const camera = $mapCamera.get();
  if (camera === null) throw new MapNotReadyError();
  const municipality = data.municipalities?.find((candidate) => candidate.code === code);
  const boundary = data.municipalityBoundaries?.features.find((feature) => feature.properties.code === code);
  if (!municipality || !boundary) throw new Error(t('export.unknownMunicipality', { code }));
  const bounds = geometryBounds(boundary.geometry) ?? camera.bounds;
  const title = t('export.reportHeading', { name: municipality.name });
  const sourcesById = $sourcesById.get();
  const cite = (id: string) => {
    const source = sourcesById.get(id);
    return t('export.sourceLine', { source: source ? citeSource(source) : id });
  };

  // Page 1: the municipality's map with the legend and sources of what the map shows.
  const doc = await newPdf('a4', title, $language.get());
  const painter = pdfPainter(doc);
  const content = currentExportContent(title, date);
  const plan = planPage(painter, PAGE, content);
  const box = plan.layout.map;
  const size = mapRenderSize({ width: millimetresToPixels(box.width, PDF_MAP_DPI), height: millimetresToPixels(box.height, PDF_MAP_DPI) }, camera);
  const render = await renderMap({ ...size, bounds });
  drawPage(painter, plan, content, { render, cssWidth: size.cssWidth });

  doc.addPage('a4', 'landscape');
  const flow = new PageFlow(doc);
  flow.paragraph(`${title} · ${exportDateText(date)}`, { size: 16, bold: true });

  // Targets (basis and trend) for older people's housing.
  flow.heading(t('export.report.targets'));
  const target = data.targets?.find((candidate) => candidate.municipalityCode === code);
  if (target) {
    flow.table(
      [t('municipality.housingTypeColumn'), t('targetScenario.basis'), t('targetScenario.trend')],
      [
        ...HOUSING_TYPES.map((type) => [t(`housing.${type}`), formatNumber(target.basis[type]), formatNumber(target.trend[type])]),
        [t('housing.total'), formatNumber(totalHomes(target.basis)), formatNumber(totalHomes(target.trend))],
      ],
      [90, 60, 60],
    );
    flow.paragraph(cite(target.source), { size: 8, italic: true });
  } else {
    flow.paragraph(t('housing.municipalTargetsAbsent'));
    for (const region of (data.regionTargets ?? []).filter((candidate) => candidate.region === municipality.region)) flow.paragraph(cite(region.source), { size: 8, italic: true });
  }

  // Key projects of the Woondeal West-Overijssel in this municipality (as the plan places them).
  flow.heading(t('export.report.keyProjects'));
  const published = $keyProjectsByMunicipality.get().get(code) ?? [];
  const placed = new Map($planKeyProjects.get().map((project) => [project.id, project]));
  const projects = published.map((project) => placed.get(project.id) ?? project);
  if (projects.length === 0) flow.paragraph(t('export.report.noKeyProjects'));
  else {
    const homes = (value: number | null) => (value === null ? t('value.none') : formatNumber(value));
    flow.table(
      [t('export.report.project'), t('export.report.status'), t('export.report.homes2024To2030'), t('export.report.homesAfter2030'), t('export.report.location')],
      projects.map((project) => [
        project.name,
        t(`keyProject.status.${project.status}`),
        homes(project.homes2024To2030),
        homes(project.homesAfter2030),
        t(`keyProject.precision.${project.locationPrecision}`),
      ]),
      [75, 62, 28, 28, 74],
    );
    flow.paragraph(sourceLines([...new Set(projects.map((project) => project.source))], sourcesById).map((line) => t('export.sourceLine', { source: line })).join(' '), { size: 8, italic: true });
  }

  // Reachability of those key projects against the norms in force.
  flow.heading(t('export.report.reachability'));
  const rows = $siteRows.get();
  const profile = $normProfile.get();
  const speed = $walkingSpeed.get();
  if (projects.length === 0) flow.paragraph(t('export.report.noKeyProjects'));
  else if (rows === null) flow.paragraph(t('export.report.reachabilityPending'));
  else {
    const counts = verdictCounts(rows, new Set(projects.map((project) => project.id)));
    flow.paragraph(
      t('export.report.reachabilityIntro', {
        profile: isMessageKey(profile.labelKey) ? t(profile.labelKey) : profile.labelKey,
        speed: formatNumber(Math.round(speed.metersPerSecond * 36) / 10),
        count: projects.length,
      }),
    );
    flow.table(
      [t('municipality.housingTypeColumn'), t('reachUi.verdict.met'), t('reachUi.verdict.notMet'), t('reachUi.verdict.noData')],
      HOUSING_TYPES.map((type) => [t(`housing.${type}`), String(counts[type].met), String(counts[type].notMet), String(counts[type].noData)]),
      [90, 50, 50, 50],
    );
    const normSourceIds = HOUSING_TYPES.flatMap((type) => profile.norms[type].map((norm) => norm.source));
    flow.paragraph(t('export.report.reachabilityNote'), { size: 8, italic: true });
    flow.paragraph(sourceLines(normSourceIds, sourcesById).map((line) => t('export.sourceLine', { source: line })).join(' '), { size: 8, italic: true });
    const facilities = facilitySources();
    const facilityLines = sourceLines(facilities.ids, sourcesById, facilities.lines);
    flow.paragraph(
      facilityLines.length > 0 ? facilityLines.map((line) => t('export.sourceLine', { source: line })).join(' ') : t('export.report.noFacilities'),
      { size: 8, italic: true },
    );
  }
  writeZoneSummary(flow, code, cite);
  return { blob: doc.output('blob'), fileName: exportFileName(`rapport ${municipality.name}`, date, 'pdf') };
}

/** Woonservicegebieden in the municipality as the zones panel shows them, or why there is no summary. */
function writeZoneSummary(flow: PageFlow, code: string, cite: (id: string) => string): void {
  const t = $translate.get();
  const formatNumber = $formatNumber.get();
  flow.heading(t('export.report.zones'));
  const source = $zoneMembershipSource.get();
  const coverage = $zoneCoverage.get();
  if (source === null) {
    flow.paragraph(t('export.report.zonesOff'));
    return;
  }
  const summary = coverage === null ? null : municipalityZoneSummary(coverage, code);
  if (summary === null) {
    flow.paragraph(t('export.report.zonesPending'));
    return;
  }
  flow.paragraph(source.definitionLines.map(([label, value]) => `${label}: ${value}`).join('; '));
  const whole = (value: number) => formatNumber(Math.round(value));
  const { people, homes, kernen } = summary.coverage;
  const bands = ['65plus', '75plus', '85plus'] as const;
  flow.table(
    [t('export.report.zonesPeople'), t('export.report.zonesInside'), t('export.report.zonesOutside'), t('reachUi.verdict.noData'), t('export.report.zonesShareInside')],
    bands.map((band) => {
      const known = people.inside[band] + people.outside[band] + people.noData[band];
      const minimum = people.unknownPostcodes[band].length > 0 ? `${t('zoneCoverage.minimum')} ` : '';
      return [
        t(`zoneCoverage.band.${band}`),
        minimum + whole(people.inside[band]),
        minimum + whole(people.outside[band]),
        minimum + whole(people.noData[band]),
        known > 0 ? `${formatNumber(Math.round((people.inside[band] / known) * 100))} %` : '–',
      ];
    }),
    [60, 45, 45, 45, 50],
  );
  flow.paragraph(t('export.report.zonesKernen', { inside: String(kernen.inside), outside: String(kernen.outside), noData: String(kernen.noData) }));
  if (summary.kernenWithout.length > 0) {
    flow.paragraph(
      `${t('export.report.zonesKernenWithout')}: ${summary.kernenWithout.map((kern) => `${kern.name} (${whole(kern.people['75plus'])} 75+)`).join(', ')}`,
    );
  }
  for (const type of COVERAGE_HOUSING_TYPES) {
    const row = homes[type];
    flow.paragraph(
      t('export.report.zonesHomes', { housingType: t(`housing.${type}`), inside: formatNumber(row.inside.planned.homes), all: formatNumber(row.all.planned.homes) }),
    );
  }
  if (summary.gap) flow.paragraph(`${t('zoneCoverage.csv.gapStatus')}: ${t(`zoneCoverage.gap.${summary.gap.status}`)}`);
  flow.paragraph(t('dasymetric.method', { cellSize: String(COVERAGE_GRID_METERS) }), { size: 8, italic: true });
  const definition = $activeZoneDefinition.get();
  const sourceIds = [...new Set([...DASYMETRIC_SOURCE_IDS, definition.care.source, ...requiredAmenities(definition).map((requirement) => requirement.source)])];
  flow.paragraph(sourceIds.map(cite).join(' '), { size: 8, italic: true });
}
