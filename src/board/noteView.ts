// A note the group puts on its fresco in the creative phase: a sticky note with its text.
import Phaser from './phaser';
import { NOTE_HEIGHT, NOTE_WIDTH } from '../core/layout';
import type { Note } from '../core/workshop';
import { fontFamily } from './palette';
import { measureFor } from './cardView';
import { wrapText } from './wrap';

export class NoteView {
  readonly container: Phaser.GameObjects.Container;
  private readonly text: Phaser.GameObjects.Text;
  private shown = '';

  constructor(
    private readonly scene: Phaser.Scene,
    textResolution: number,
  ) {
    const g = scene.add.graphics();
    g.fillStyle(0x3a2d1a, 0.16);
    g.fillRect(-NOTE_WIDTH / 2 + 2, -NOTE_HEIGHT / 2 + 5, NOTE_WIDTH, NOTE_HEIGHT);
    g.fillStyle(0xfff1a8, 1);
    g.fillRect(-NOTE_WIDTH / 2, -NOTE_HEIGHT / 2, NOTE_WIDTH, NOTE_HEIGHT);
    g.fillStyle(0xf2d65c, 1);
    g.fillRect(-NOTE_WIDTH / 2, -NOTE_HEIGHT / 2, NOTE_WIDTH, 10);
    this.text = scene.add.text(-NOTE_WIDTH / 2 + 10, -NOTE_HEIGHT / 2 + 16, '', {
      fontFamily: fontFamily(),
      fontSize: '15px',
      color: '#2b2b2b',
      resolution: textResolution,
      lineSpacing: 1,
    });
    this.container = scene.add.container(0, 0, [g, this.text]);
  }

  update(note: Note, at: { x: number; y: number }): void {
    this.container.setPosition(at.x, at.y);
    if (note.text === this.shown) return;
    this.shown = note.text;
    this.text.setText(wrapText(note.text, NOTE_WIDTH - 20, 5, measureFor(15)).lines.join('\n'));
  }

  destroy(): void {
    this.container.destroy();
  }
}
