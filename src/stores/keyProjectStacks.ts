// Key projects that share one approximate position, and which such stack the map shows spread out.

import { atom, computed } from 'nanostores';
import { othersAtSameLocation, sharedLocations, type SharedLocation } from '../analysis/sharedLocations';
import { $planKeyProjects } from './planKeyProjects';
import { $selection } from './selection';

/** Every position held by two or more key projects. */
export const $keyProjectStacks = computed($planKeyProjects, (projects): SharedLocation[] => sharedLocations(projects));

/** Per key project that shares its position: the ids of the others there. */
export const $keyProjectsAtSameLocation = computed($planKeyProjects, (projects) => othersAtSameLocation(projects));

const $openedStackKey = atom<string | null>(null);

/** Spreads the stack at this position (a click on it). Closed again when the selection changes. */
export function openKeyProjectStack(key: string): void {
  $openedStackKey.set(key);
}

/** Closes the stack the planner opened (a click elsewhere on the map); a selected project's stack stays spread. */
export function closeKeyProjectStack(): void {
  $openedStackKey.set(null);
}

$selection.listen(() => $openedStackKey.set(null));

/** The stack shown spread out: the one holding the selected key project, else the one the planner opened. */
export const $spreadKeyProjectStack = computed([$keyProjectStacks, $selection, $openedStackKey], (stacks, selection, openedKey) => {
  if (selection?.kind === 'keyProject') {
    const selected = stacks.find((stack) => stack.ids.includes(selection.id));
    if (selected) return selected;
  }
  return stacks.find((stack) => stack.key === openedKey) ?? null;
});
