// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { TaskDone, TaskList, TaskListQuery, TaskView } from "../../domain/arrears/arrears-api.schema.ts";
import {
  type AppDeps,
  type AppEnv,
  jsonBody as body,
  inActorScope,
  jsonResponse as json,
  securedRoute,
} from "../http.ts";
import { completeTask, listTasks } from "./tasks.service.ts";

const TaskIdParam = z.object({ id: z.string().min(1).openapi({ description: "Task id (uuid)" }) });

const routes = {
  list: createRoute(
    securedRoute("arrears:work", {
      method: "get",
      path: "/tasks",
      tags: ["arrears"],
      summary: "Tasks of the households in scope (`mine=true`: the caller's), the soonest due first",
      request: { query: TaskListQuery },
      responses: { 200: json(TaskList.openapi("TaskList"), "The tasks") },
    }),
  ),
  done: createRoute(
    securedRoute("arrears:work", {
      method: "post",
      path: "/tasks/{id}/done",
      tags: ["arrears"],
      summary: "Mark an open task done, with its outcome",
      request: { params: TaskIdParam, body: body(TaskDone.openapi("TaskDone")) },
      responses: { 200: json(TaskView.openapi("Task"), "The task") },
    }),
  ),
};

export function taskRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) =>
      c.json(
        await inActorScope(deps, c, (db, actor) =>
          listTasks({ db, actor, query: c.req.valid("query"), now: deps.now() }),
        ),
        200,
      ),
    )
    .openapi(routes.done, async (c) => {
      const { id } = c.req.valid("param");
      c.set("auditSubject", { entity: "task", id });
      const input = c.req.valid("json");
      return c.json(
        await inActorScope(deps, c, (db, actor) => completeTask({ db, actor, id, input, now: deps.now() })),
        200,
      );
    });
}
