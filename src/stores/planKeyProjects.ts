// The key projects as the plan on screen places them: the published (approximate) placements, with the
// active draft scenario's exact placements by the planner applied. Everything that shows or analyses a
// key project's location reads this list, so "door planner geplaatst" shows wherever precision shows.

import { computed } from 'nanostores';
import type { PlacedKeyProject } from '../domain/keyProject';
import type { ScenarioState } from '../domain/scenario';
import { $appData } from './appData';
import { $activeScenarioState } from './scenarios';

/** A key project in the plan; `published` holds the published placement when the planner moved it. */
export type PlanKeyProject = PlacedKeyProject & { published: Pick<PlacedKeyProject, 'location' | 'locationPrecision'> | null };

export function keyProjectsInPlan(projects: readonly PlacedKeyProject[], state: ScenarioState | null): PlanKeyProject[] {
  return projects.map((project) => {
    const placement = state?.keyProjectPlacements.get(project.id);
    if (!placement) return { ...project, published: null };
    return {
      ...project,
      location: placement.location,
      locationPrecision: placement.precision,
      published: { location: project.location, locationPrecision: project.locationPrecision },
    };
  });
}

export const $planKeyProjects = computed([$appData, $activeScenarioState], (data, state): PlanKeyProject[] => keyProjectsInPlan(data.keyProjects ?? [], state));
