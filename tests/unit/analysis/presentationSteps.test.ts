import { describe, expect, it } from 'vitest';
import { stepAction, stepIndex } from '../../../src/analysis/presentationSteps';

describe('presentation steps', () => {
  it('maps the clicker and arrow keys to steps, leaving arrows to a focused slider', () => {
    expect(stepAction('PageDown', false)).toBe('next');
    expect(stepAction('PageUp', true)).toBe('previous');
    expect(stepAction('ArrowRight', false)).toBe('next');
    expect(stepAction('ArrowLeft', false)).toBe('previous');
    expect(stepAction('ArrowRight', true)).toBeNull();
    expect(stepAction('Escape', true)).toBe('leave');
    expect(stepAction('Home', false)).toBe('first');
    expect(stepAction('a', false)).toBeNull();
  });

  it('stays within the views, without wrapping around', () => {
    expect(stepIndex(0, 3, 'next')).toBe(1);
    expect(stepIndex(2, 3, 'next')).toBe(2);
    expect(stepIndex(0, 3, 'previous')).toBe(0);
    expect(stepIndex(1, 3, 'last')).toBe(2);
    expect(stepIndex(2, 3, 'first')).toBe(0);
    expect(stepIndex(0, 0, 'next')).toBe(0);
  });
});
