// Vite plugin: narrows a few of Phaser's own `require`s, so that the board's Phaser (built from
// node_modules/phaser/src by src/board/phaser.ts) leaves out what the board never runs (issue 7:
// at most 300 KB gzip of JavaScript before the first board is interactive). Phaser 4 requires
// every shader, render node, filter and texture format from its core modules, whether a game
// uses them or not; these edits take ~48 KB gzip off the board chunk (186 KB → 138 KB).
//
// What is left out is replaced by a function that throws when called or constructed, naming the
// module: using a left-out part of Phaser fails at once and says where to look, instead of
// drawing nothing. Every edit must match exactly once: after a Phaser upgrade, a source that
// changed fails the build rather than being bundled whole, or wrongly, in silence.
import type { Plugin } from 'vite';

const MATH_ID = 'virtual:phaser-math';
const RESOLVED_MATH_ID = '\0' + MATH_ID;

/** `require(path)` → `to`, in a file of node_modules/phaser/src. */
interface Edit {
  path: string;
  to: string;
}

const leftOut = (path: string): Edit => ({
  path,
  to: `(function () { throw new Error(${JSON.stringify(`Phaser's ${path} is left out of the board's bundle (scripts/vite-plugin-phaser-trim.ts)`)}); })`,
});

// Render nodes the board never draws with: filters, lights, meshes, ropes, tilemaps, stamps, and
// the context switches of extern game objects. The board draws images, text, graphics and
// containers, and captures them into a dynamic texture (those nodes are kept).
const UNUSED_RENDER_NODES = [
  'filters/BaseFilter', 'filters/BaseFilterShader', 'BatchHandlerPointLight', 'BatchHandlerStrip', 'BatchHandlerTri',
  'filters/FilterBarrel', 'filters/FilterBlend', 'filters/FilterBlocky', 'filters/FilterBlur', 'filters/FilterBlurHigh',
  'filters/FilterBlurLow', 'filters/FilterBlurMed', 'filters/FilterBokeh', 'filters/FilterColorMatrix',
  'filters/FilterCombineColorMatrix', 'filters/FilterDisplacement', 'filters/FilterGlow', 'filters/FilterGradientMap',
  'filters/FilterImageLight', 'filters/FilterKey', 'filters/FilterMask', 'filters/FilterNormalTools',
  'filters/FilterPanoramaBlur', 'filters/FilterParallelFilters', 'filters/FilterPixelate', 'filters/FilterQuantize',
  'filters/FilterSampler', 'filters/FilterShadow', 'filters/FilterThreshold', 'filters/FilterVignette', 'filters/FilterWipe',
  'RebindContext', 'submitter/SubmitterMeshToQuad', 'submitter/SubmitterTile', 'submitter/SubmitterTilemapGPULayer',
  'transformer/TransformerStamp', 'transformer/TransformerTile', 'transformer/TransformerVertex', 'YieldContext',
];

// Filters every camera and game object could be given (the board gives none).
const FILTERS = [
  'Barrel', 'Blend', 'Blocky', 'Blur', 'Bokeh', 'ColorMatrix', 'CombineColorMatrix', 'Displacement', 'Glow', 'GradientMap',
  'ImageLight', 'Key', 'Mask', 'NormalTools', 'PanoramaBlur', 'Pixelate', 'Quantize', 'Sampler', 'Shadow', 'Threshold',
  'Vignette', 'Wipe',
];

const EDITS: Record<string, Edit[]> = {
  // Only for the renderer's event names; the renderer's index brings every shader of Phaser.
  'renderer/webgl/renderNodes/BatchHandler.js': [{ path: '../../../renderer', to: "{ Events: require('../../events') }" }],
  'renderer/webgl/renderNodes/RenderNodeManager.js': UNUSED_RENDER_NODES.map((node) => leftOut(`./${node}`)),
  'gameobjects/components/FilterList.js': FILTERS.map((filter) => leftOut(`../../filters/${filter}`)),
  // The board's textures are canvases and dynamic textures (plus Phaser's default images): no
  // atlases, sprite sheets or compressed textures.
  'textures/parsers/index.js': ['AtlasXML', 'JSONArray', 'JSONHash', 'KTXParser', 'PCT', 'PCTDecode', 'PVRParser', 'SpriteSheet', 'SpriteSheetFromAtlas', 'UnityYAML'].map((parser) => leftOut(`./${parser}`)),
  // createBoard turns Phaser's keyboard, mouse and touch input off (pointer.ts reads DOM events):
  // their managers are never constructed.
  'input/InputManager.js': ['./keyboard/KeyboardManager', './mouse/MouseManager', './touch/TouchManager'].map(leftOut),
  // The array helpers' namespace also carries the 2D matrix helpers, which nothing here calls.
  'utils/array/index.js': [leftOut('./matrix')],
  // Both only want Phaser's random generator, not its whole Math namespace: they share it here.
  'core/Config.js': [{ path: '../math/', to: `require('${MATH_ID}')` }],
  'utils/object/GetAdvancedValue.js': [{ path: '../../math', to: `require('${MATH_ID}')` }],
};

/** Text replaced in a file of node_modules/phaser/src (each `from` must occur exactly once). */
const SOURCE_EDITS: Record<string, { from: string; to: string }[]> = {
  // Phaser tests for WebGL by creating a WebGL context it throws away; the board creates the one
  // it draws with itself (createBoard.ts) and tells Phaser which renderer to use. On a laptop
  // without a graphics card each context costs a third of a second of a board's opening.
  'device/Features.js': [{ from: 'Features.webGL = testWebGL();', to: "Features.webGL = !!window['WebGLRenderingContext'];" }],
  // Phaser's three default textures are PNG files in data: addresses, and Phaser waits for the
  // browser to decode them (a few frames) before it starts. The board never shows them: they are
  // made as plain canvases at once (as images: a canvas texture would read its pixels back, which
  // costs a fresh page's first read of a canvas), and the texture manager says it is ready right
  // after its boot.
  'textures/TextureManager.js': [
    { from: 'this._pending = 3;', to: 'this._pending = 0;' },
    { from: "this.addBase64('__DEFAULT', config.defaultImage);", to: "this.addImage('__DEFAULT', plainCanvas(32, 32, null));" },
    { from: "this.addBase64('__MISSING', config.missingImage);", to: "this.addImage('__MISSING', plainCanvas(32, 32, '#00ff00'));" },
    { from: "this.addBase64('__WHITE', config.whiteImage);", to: "this.addImage('__WHITE', plainCanvas(4, 4, '#ffffff'));" },
    {
      from: 'this.game.events.once(GameEvents.DESTROY, this.destroy, this);',
      // After the game's other boot listeners (a microtask later), as the images' load would be.
      to: 'this.game.events.once(GameEvents.DESTROY, this.destroy, this); var manager = this; Promise.resolve().then(function () { manager.emit(Events.READY); });',
    },
    {
      from: "var Events = require('./events');",
      to: [
        "var Events = require('./events');",
        'function plainCanvas (width, height, fill) { var canvas = document.createElement(\'canvas\'); canvas.width = width; canvas.height = height; if (fill) { var context = canvas.getContext(\'2d\'); context.fillStyle = fill; context.fillRect(0, 0, width, height); } return canvas; }',
      ].join('\n'),
    },
  ],
  // The board gives Phaser a canvas already at the board's size (board/glContext.ts): setting a
  // WebGL canvas's size again, even to the same value, has its drawing buffer made anew, and the
  // page waits for the graphics process (a tenth of a second while it paints the new screen, on a
  // laptop without a graphics card).
  'core/CreateRenderer.js': [
    { from: 'game.canvas.width = width;', to: 'if (game.canvas.width !== width) { game.canvas.width = width; }' },
    { from: 'game.canvas.height = height;', to: 'if (game.canvas.height !== height) { game.canvas.height = height; }' },
  ],
  // The board uploads no compressed textures: asking the driver for the nine formats under three
  // names each (27 getExtension calls) cost a slow laptop 50 ms of every board's opening.
  'renderer/webgl/WebGLRenderer.js': [
    {
      from: 'var results = gl.getExtension(extString + format) || gl.getExtension(wkExtString + format) || gl.getExtension(extEXTString + format);',
      to: 'var results = null;',
    },
  ],
};

/** Rolldown-compatible (used by the build and by the dev server's dependency pre-bundling). */
export function phaserTrimPlugin(phaserSrc: string): Plugin {
  const source = phaserSrc.split('\\').join('/').replace(/\/$/, '');
  return {
    name: 'fresque-phaser-trim',
    resolveId(id) {
      return id === MATH_ID ? RESOLVED_MATH_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_MATH_ID) return undefined;
      // What Config (seeding it) and GetAdvancedValue (drawing from it) use of Phaser.Math.
      return [
        `var RandomDataGenerator = require(${JSON.stringify(`${source}/math/random-data-generator/RandomDataGenerator.js`)});`,
        'module.exports = { RandomDataGenerator: RandomDataGenerator, RND: new RandomDataGenerator() };',
      ].join('\n');
    },
    transform(code, id) {
      const file = id.split('?')[0]!.split('\\').join('/');
      const marker = '/phaser/src/';
      const at = file.lastIndexOf(marker);
      if (at < 0) return undefined;
      const path = file.slice(at + marker.length);
      const edits = EDITS[path];
      const sourceEdits = SOURCE_EDITS[path];
      if (!edits && !sourceEdits) return undefined;
      let edited = code;
      for (const edit of sourceEdits ?? []) {
        const count = edited.split(edit.from).length - 1;
        if (count !== 1) throw new Error(`phaser-trim: expected one "${edit.from}" in ${file}, found ${count} (did Phaser change? see scripts/vite-plugin-phaser-trim.ts)`);
        edited = edited.replace(edit.from, edit.to);
      }
      for (const edit of edits ?? []) {
        const call = `require('${edit.path}')`;
        const count = edited.split(call).length - 1;
        if (count !== 1) throw new Error(`phaser-trim: expected one ${call} in ${file}, found ${count} (did Phaser change? see scripts/vite-plugin-phaser-trim.ts)`);
        edited = edited.replace(call, edit.to);
      }
      return { code: edited, map: null };
    },
  };
}
