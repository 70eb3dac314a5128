import { describe, expect, it } from 'vitest';
import { activePreset, convSettings, initialState, reduce, settingsOf, SIDE, type ConvEvent, type ConvState } from '../../src/lib/conv/state.ts';
import { PRESETS } from '../../src/lib/conv/presets.ts';

const run = (events: ConvEvent[], from: ConvState = initialState()) => events.reduce(reduce, from);

describe('the convolution demo state', () => {
  it('starts with the vertical edge, bias 0, ReLU on, the window at the top left', () => {
    const s = initialState();
    expect(SIDE).toBe(26);
    expect(s.kernel).toEqual(PRESETS.vertical);
    expect(s.bias).toBe(0);
    expect(s.relu).toBe(true);
    expect(s.at).toEqual({ row: 0, col: 0 });
    expect(s.playing).toBe(false);
    expect(activePreset(s)).toBe('vertical');
  });

  it('keeps kernel, bias and ReLU in the URL, defaults left out, bad values falling back', () => {
    expect(convSettings.write(convSettings.defaults)).toBe('');
    const s = run([{ type: 'preset', id: 'sharpen' }, { type: 'bias', bias: 0.25 }, { type: 'relu', relu: false }]);
    const q = convSettings.write(settingsOf(s), 'digit=5&backend=webgl');
    expect(q).toBe('digit=5&backend=webgl&kernel=0,-1,0,-1,5,-1,0,-1,0&bias=0.25&relu=0');
    expect(convSettings.read(q)).toEqual(settingsOf(s));
    expect(convSettings.read('kernel=1,2,3&bias=NaN&relu=maybe')).toEqual(convSettings.defaults);
    expect(convSettings.read('kernel=1,2,3,4,5,6,7,8,99&bias=1e9').kernel).toEqual(PRESETS.vertical);
    const loaded = reduce(initialState(), { type: 'load', settings: convSettings.read('kernel=0,0,0,0,2,0,0,0,0&bias=-1&relu=false') });
    expect(settingsOf(loaded)).toEqual({ kernel: [0, 0, 0, 0, 2, 0, 0, 0, 0], bias: -1, relu: false });
  });

  it('edits the kernel and bias, refusing garbage, and names the preset only while it is exact', () => {
    let s = run([{ type: 'preset', id: 'blur' }]);
    expect(activePreset(s)).toBe('blur');
    s = reduce(s, { type: 'kernel', kernel: [1, 1, 1, 1, 1, 1, 1, 1, 2] });
    expect(activePreset(s)).toBeNull();
    expect(reduce(s, { type: 'kernel', kernel: [1, 2] })).toBe(s);
    expect(reduce(s, { type: 'kernel', kernel: [NaN, 1, 1, 1, 1, 1, 1, 1, 1] })).toBe(s);
    expect(reduce(s, { type: 'bias', bias: Infinity })).toBe(s);
    expect(reduce(s, { type: 'bias', bias: 2 }).bias).toBe(2);
    expect(settingsOf(reduce(s, { type: 'reset' }))).toEqual(convSettings.defaults);
  });

  it('moves the window by steps, to a clicked cell, and refuses a cell outside', () => {
    let s = run([{ type: 'step', by: 1 }, { type: 'step', by: 1 }]);
    expect(s.at).toEqual({ row: 0, col: 2 });
    s = reduce(s, { type: 'step', by: -5 });
    expect(s.at).toEqual({ row: 0, col: 0 });
    s = reduce(s, { type: 'move', to: { row: 12, col: 7 } });
    expect(s.at).toEqual({ row: 12, col: 7 });
    expect(reduce(s, { type: 'move', to: { row: 26, col: 0 } })).toBe(s);
    expect(reduce(s, { type: 'move', to: { row: 1.5, col: 0 } })).toBe(s);
  });

  it('plays tick by tick to the last position and stops; a step or a click pauses; play at the end starts over', () => {
    let s = run([{ type: 'move', to: { row: 25, col: 23 } }, { type: 'play' }]);
    expect(s.playing).toBe(true);
    s = run([{ type: 'tick' }, { type: 'tick' }], s);
    expect(s.at).toEqual({ row: 25, col: 25 });
    expect(s.playing).toBe(false);
    expect(reduce(s, { type: 'tick' })).toBe(s);
    s = reduce(s, { type: 'play' });
    expect(s.at).toEqual({ row: 0, col: 0 });
    expect(s.playing).toBe(true);
    expect(reduce(s, { type: 'step', by: 1 }).playing).toBe(false);
    expect(reduce(s, { type: 'move', to: { row: 3, col: 3 } }).playing).toBe(false);
    expect(reduce(s, { type: 'pause' }).playing).toBe(false);
  });

  it('loads a learned filter with ReLU on, and forgets it is loaded once the editor changes', () => {
    const kernel = [0.1, -0.2, 0.3, 0.05, 0, -0.4, 0.2, 0.2, -0.1];
    let s = run([{ type: 'relu', relu: false }, { type: 'use-filter', filter: 7, kernel, bias: -0.03 }]);
    expect(s).toMatchObject({ kernel, bias: -0.03, relu: true, selected: 7, loaded: 7 });
    expect(reduce(s, { type: 'bias', bias: 0 }).loaded).toBeNull();
    expect(reduce(s, { type: 'kernel', kernel: PRESETS.blur }).loaded).toBeNull();
    expect(reduce(s, { type: 'relu', relu: false }).loaded).toBeNull();
    s = reduce(s, { type: 'select', filter: 3 });
    expect(s.selected).toBe(3);
    expect(s.loaded).toBe(7);
    expect(reduce(s, { type: 'select', filter: -1 })).toBe(s);
    expect(reduce(s, { type: 'use-filter', filter: 1, kernel: [1], bias: 0 })).toBe(s);
  });
});
