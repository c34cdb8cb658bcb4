// Icons and fill patterns drawn on a canvas at start-up: no sprite server needed.
// Key projects differ by shape (circle = bestaand, diamond = nieuw, ring = doorkijk only), not colour alone.

import type { Map as MapLibreMap } from 'maplibre-gl';
import { KEY_PROJECT_COLOURS, KEY_PROJECT_OUTLOOK_COLOUR, KEY_PROJECT_SHAPES, SITE_COLOUR } from '../domain/keyProjectSymbols';

const pixelRatio = 2;

export const KEY_PROJECT_ICONS = {
  bestaand: 'key-project-existing',
  nieuw: 'key-project-new',
  outlookOnly: 'key-project-outlook-only',
} as const;



function drawImage(size: number, draw: (context: CanvasRenderingContext2D, size: number) => void): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = size * pixelRatio;
  canvas.height = size * pixelRatio;
  const context = canvas.getContext('2d')!;
  context.scale(pixelRatio, pixelRatio);
  draw(context, size);
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

function circle(fill: string | null, stroke: string, dashed: boolean) {
  return (context: CanvasRenderingContext2D, size: number) => {
    context.beginPath();
    context.arc(size / 2, size / 2, size / 2 - 3, 0, Math.PI * 2);
    if (fill) {
      context.fillStyle = fill;
      context.fill();
    }
    context.lineWidth = 3;
    context.strokeStyle = stroke;
    if (dashed) context.setLineDash([4, 3]);
    context.stroke();
  };
}

function diamond(fill: string) {
  return (context: CanvasRenderingContext2D, size: number) => {
    const half = size / 2;
    context.beginPath();
    context.moveTo(half, 2);
    context.lineTo(size - 2, half);
    context.lineTo(half, size - 2);
    context.lineTo(2, half);
    context.closePath();
    context.fillStyle = fill;
    context.fill();
    context.lineWidth = 2.5;
    context.strokeStyle = '#ffffff';
    context.stroke();
  };
}

export const SITE_ICONS = { site: 'scenario-site', removed: 'scenario-site-removed' } as const;

/** A house: a square with a roof, white edge; hollow and dashed for a site that is not in the other plan. */
function house(fill: string | null) {
  return (context: CanvasRenderingContext2D, size: number) => {
    context.beginPath();
    context.moveTo(size / 2, 2);
    context.lineTo(size - 3, size * 0.42);
    context.lineTo(size - 3, size - 3);
    context.lineTo(3, size - 3);
    context.lineTo(3, size * 0.42);
    context.closePath();
    if (fill) {
      context.fillStyle = fill;
      context.fill();
      context.lineWidth = 2.5;
      context.strokeStyle = '#ffffff';
      context.stroke();
    } else {
      context.fillStyle = 'rgba(255,255,255,0.85)';
      context.fill();
      context.lineWidth = 2.5;
      context.setLineDash([4, 3]);
      context.strokeStyle = '#1a1a1a';
      context.stroke();
    }
  };
}

function hatch(context: CanvasRenderingContext2D, size: number) {
  context.fillStyle = 'rgba(217,217,217,0.9)';
  context.fillRect(0, 0, size, size);
  context.strokeStyle = '#7f7f7f';
  context.lineWidth = 1;
  context.beginPath();
  for (let offset = -size; offset <= size; offset += 6) {
    context.moveTo(offset, size);
    context.lineTo(offset + size, 0);
  }
  context.stroke();
}

export function addMapImages(map: MapLibreMap): void {
  const options = { pixelRatio };
  const shapes = {
    circle: () => drawImage(30, circle(KEY_PROJECT_COLOURS.bestaand, '#ffffff', false)),
    diamond: () => drawImage(32, diamond(KEY_PROJECT_COLOURS.nieuw)),
    dashedRing: () => drawImage(26, circle(null, KEY_PROJECT_OUTLOOK_COLOUR, true)),
  };
  for (const status of ['bestaand', 'nieuw', 'outlookOnly'] as const) map.addImage(KEY_PROJECT_ICONS[status], shapes[KEY_PROJECT_SHAPES[status]](), options);
  map.addImage('hatch-no-data', drawImage(12, hatch), options);
  map.addImage(SITE_ICONS.site, drawImage(28, house(SITE_COLOUR)), options);
  map.addImage(SITE_ICONS.removed, drawImage(28, house(null)), options);
}
