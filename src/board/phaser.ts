// The part of Phaser the board uses, bundled from Phaser's own sources (issue 7: at most 300 KB
// gzip of JavaScript before the first board is interactive, and Phaser's dist build alone is
// ~360 KB). vite.config.ts aliases `phaser-src` to node_modules/phaser/src and sets Phaser's build
// flags: WebGL renderer only, no Canvas renderer, no sound; scripts/vite-plugin-phaser-trim.ts
// narrows what Phaser's core modules require (shaders, filters, texture formats). Every board
// module imports Phaser from here; the types come from the `phaser` package.
//
// Only what is listed below is in the bundle, and the compiler holds the board to it: a Phaser
// value not exposed here is a type error, not an `undefined` at run time. To use more of Phaser,
// import its module here (and, for a type, add it to the namespace at the end).
import type PhaserTypes from 'phaser';

// Scene plugins register themselves with Phaser's plugin cache when their module runs; a scene
// only gets those that are registered. The core ones every scene expects:
import 'phaser-src/events/EventEmitter';
import 'phaser-src/cameras/2d/CameraManager';
import 'phaser-src/gameobjects/GameObjectCreator';
import 'phaser-src/gameobjects/GameObjectFactory';
import 'phaser-src/scene/ScenePlugin';
import 'phaser-src/gameobjects/DisplayList';
import 'phaser-src/gameobjects/UpdateList';
// The one default plugin the board uses (`scene.tweens`); createBoard's game config asks for it
// alone, so no clock, loader, input, data or lights plugin is looked for.
import 'phaser-src/tweens/TweenManager';
// Game object factories register `scene.add.<name>` when their module runs.
import 'phaser-src/gameobjects/container/ContainerFactory';
import 'phaser-src/gameobjects/graphics/GraphicsFactory';
import 'phaser-src/gameobjects/image/ImageFactory';
import 'phaser-src/gameobjects/text/TextFactory';

import CameraSource from 'phaser-src/cameras/2d/Camera';
import ConstSource from 'phaser-src/const';
import DistanceBetweenSource from 'phaser-src/math/distance/DistanceBetween';
import GameSource from 'phaser-src/core/Game';
import ScaleModesSource from 'phaser-src/scale/const/SCALE_MODE_CONST';
import SceneSource from 'phaser-src/scene/Scene';
import Vector2Source from 'phaser-src/math/Vector2';

// The sources are untyped CommonJS: each export gets the type the `phaser` package declares for it.
const CONST = ConstSource as { WEBGL: typeof PhaserTypes.WEBGL; CANVAS: typeof PhaserTypes.CANVAS };

const Phaser = {
  // WebGL where the browser has it, else the Canvas renderer (an old or blocklisted graphics
  // card): createBoard.ts chooses.
  WEBGL: CONST.WEBGL,
  CANVAS: CONST.CANVAS,
  Game: GameSource as typeof PhaserTypes.Game,
  Scene: SceneSource as typeof PhaserTypes.Scene,
  Scale: { NONE: (ScaleModesSource as { NONE: typeof PhaserTypes.Scale.NONE }).NONE },
  Cameras: { Scene2D: { Camera: CameraSource as typeof PhaserTypes.Cameras.Scene2D.Camera } },
  Math: {
    Vector2: Vector2Source as typeof PhaserTypes.Math.Vector2,
    Distance: { Between: DistanceBetweenSource as typeof PhaserTypes.Math.Distance.Between },
  },
};

// The types the board names, under the same paths as in the `phaser` package (types only: the
// values above are all there is at run time).
declare namespace Phaser {
  export type Scene = PhaserTypes.Scene;
  export namespace GameObjects {
    export type GameObject = PhaserTypes.GameObjects.GameObject;
    export type Container = PhaserTypes.GameObjects.Container;
    export type Graphics = PhaserTypes.GameObjects.Graphics;
    export type Image = PhaserTypes.GameObjects.Image;
    export type Text = PhaserTypes.GameObjects.Text;
    export namespace Components {
      export type Depth = PhaserTypes.GameObjects.Components.Depth;
      export type Visible = PhaserTypes.GameObjects.Components.Visible;
    }
  }
  export namespace Math {
    export type Vector2 = PhaserTypes.Math.Vector2;
  }
  export namespace Textures {
    export type DynamicTexture = PhaserTypes.Textures.DynamicTexture;
  }
}

export default Phaser;
