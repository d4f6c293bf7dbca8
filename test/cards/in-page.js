// Runs in the browser page (a plain script, after the adaptivecards and axe-core bundles): renders cards and measures
// what a person would see. Kept as JavaScript because the project's TypeScript has no DOM library.
/* global AdaptiveCards, axe */

function parseColour(value) {
  const parts = (value.match(/[\d.]+/g) || ['0', '0', '0']).map(Number);
  return [parts[0] || 0, parts[1] || 0, parts[2] || 0, parts[3] === undefined ? 1 : parts[3]];
}

function over(top, bottom) {
  return [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
}

/** The colour behind an element: its own and its ancestors' backgrounds, blended down to the first opaque one. */
function backgroundOf(element) {
  const layers = [];
  for (let at = element; at; at = at.parentElement) {
    const colour = parseColour(getComputedStyle(at).backgroundColor);
    if (colour[3] > 0) layers.push(colour);
    if (colour[3] >= 1) break;
  }
  return layers.reduceRight((below, layer) => over(layer, below), [255, 255, 255, 1]);
}

/** WCAG 2 relative luminance and contrast ratio. */
function luminance([r, g, b]) {
  const channel = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a, b) {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

function hex(colour) {
  return `#${colour.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

function isShown(element) {
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
}

function measure(box) {
  const clipped = [];
  const lowContrast = [];
  let lowestContrast = 21;
  for (const element of Array.from(box.querySelectorAll('*'))) {
    if (!isShown(element)) continue;
    const style = getComputedStyle(element);
    // A <select> shows its chosen option only and scrolls its list: its width is the browser's business.
    const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll' || element instanceof HTMLSelectElement;
    if (!scrolls && element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1) {
      clipped.push(`${element.tagName.toLowerCase()}.${element.className}: "${(element.textContent || '').trim().slice(0, 80)}"`);
    }
    const text = Array.from(element.childNodes).filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent || '').join('').trim();
    if (!text) continue;
    const background = backgroundOf(element);
    const colour = over(parseColour(style.color), background);
    const ratio = Math.round(contrast(colour, background) * 100) / 100;
    lowestContrast = Math.min(lowestContrast, ratio);
    if (ratio < 4.5) lowContrast.push({ text: text.slice(0, 80), ratio, colour: hex(colour), background: hex(background) });
  }
  return { height: Math.round(box.getBoundingClientRect().height), clipped, lowContrast, lowestContrast, visibleText: box.innerText };
}

window.renderAndMeasure = ({ cards, config, width }) => {
  const main = document.querySelector('main');
  const host = new AdaptiveCards.HostConfig(config);
  // Render everything first, then only read: measuring between appends would lay the page out once per card.
  const boxes = cards.map((json, index) => {
    const box = document.createElement('div');
    box.dataset.card = String(index);
    box.style.width = `${width}px`;
    main.appendChild(box);
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = host;
    try {
      card.parse(json);
      const rendered = card.render();
      if (!rendered) throw new Error('nothing rendered');
      box.appendChild(rendered);
      return { box };
    } catch (error) {
      return { box, renderProblem: String(error) };
    }
  });
  return boxes.map(({ box, renderProblem }) =>
    renderProblem ? { height: 0, clipped: [], lowContrast: [], lowestContrast: 21, visibleText: '', renderProblem } : measure(box),
  );
};

/** axe-core's serious and critical findings as [card index, finding]. Contrast is measured above, per theme. */
window.axeFindings = async () => {
  const result = await axe.run(document.querySelector('main'), { elementRef: true, resultTypes: ['violations'], rules: { 'color-contrast': { enabled: false } } });
  const out = [];
  for (const violation of result.violations) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
    for (const node of violation.nodes) {
      const owner = node.element && node.element.closest('[data-card]');
      out.push([owner ? Number(owner.dataset.card) : -1, `${violation.id} (${violation.impact}): ${String(node.html).slice(0, 120)}`]);
    }
  }
  return out;
};

window.showOnly = (index) => {
  document.querySelectorAll('[data-card]').forEach((box) => (box.style.display = box.dataset.card === String(index) ? '' : 'none'));
};
