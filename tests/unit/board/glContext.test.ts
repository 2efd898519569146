import { describe, expect, it } from 'vitest';
import { drawingOfRenderer } from '../../../src/board/glContext';

describe('what a device draws WebGL with', () => {
  it('knows the renderers that draw on the processor', () => {
    // As Chrome, Firefox on Linux and Windows name them when there is no usable graphics card.
    expect(drawingOfRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe('software');
    expect(drawingOfRenderer('Google SwiftShader')).toBe('software');
    expect(drawingOfRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe('software');
    expect(drawingOfRenderer('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe('software');
  });

  it('takes any other renderer for a graphics card', () => {
    expect(drawingOfRenderer('ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe('hardware');
    expect(drawingOfRenderer('Mali-G52 MC2')).toBe('hardware');
    expect(drawingOfRenderer('Apple GPU')).toBe('hardware');
    expect(drawingOfRenderer('WebKit WebGL')).toBe('hardware');
  });
});
