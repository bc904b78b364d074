import { createRouter, createWebHistory, type Router } from 'vue-router';
import { homePath, may, type Capability } from './access';
import { currentOfficer, loadSession } from './session';
import AuditView from './views/AuditView.vue';
import CertificateDetailView from './views/CertificateDetailView.vue';
import CertificatesView from './views/CertificatesView.vue';
import EvaluationView from './views/EvaluationView.vue';
import ForbiddenView from './views/ForbiddenView.vue';
import IssueCertificateView from './views/IssueCertificateView.vue';
import LayoutView from './views/LayoutView.vue';
import LoginView from './views/LoginView.vue';
import OfficersView from './views/OfficersView.vue';
import PlaceholderView from './views/PlaceholderView.vue';
import RevocationsView from './views/RevocationsView.vue';
import RoundView from './views/RoundView.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (the sign-in page). */
    public?: boolean;
    /** What the officer must be allowed to see this screen (src/access.ts). */
    capability?: Capability;
    title?: string;
  }
}

export function createOfficeRouter(): Router {
  const router = createRouter({
    history: createWebHistory('/office/'),
    routes: [
      { path: '/login', component: LoginView, meta: { public: true, title: '登录' } },
      {
        path: '/',
        component: LayoutView,
        children: [
          // Resolved by the guard, once the session is known (a redirect would run before it).
          { path: '', component: PlaceholderView },
          { path: 'certificates', component: CertificatesView, meta: { capability: 'certificates', title: '证书' } },
          {
            path: 'certificates/new',
            component: IssueCertificateView,
            meta: { capability: 'issue', title: '签发证书' },
          },
          {
            path: 'certificates/:no',
            component: CertificateDetailView,
            props: true,
            meta: { capability: 'certificates', title: '证书详情' },
          },
          { path: 'revocations', component: RevocationsView, meta: { capability: 'revocations', title: '撤销与恢复' } },
          { path: 'evaluation', component: EvaluationView, meta: { capability: 'evaluation', title: '评审' } },
          {
            path: 'evaluation/rounds/:id',
            component: RoundView,
            props: true,
            meta: { capability: 'evaluation', title: '评审轮次' },
          },
          { path: 'audit', component: AuditView, meta: { capability: 'audit', title: '审计' } },
          { path: 'officers', component: OfficersView, meta: { capability: 'officers', title: '人员' } },
          { path: 'forbidden', component: ForbiddenView, meta: { title: '无权访问' } },
          { path: ':unknown(.*)*', redirect: '/' },
        ],
      },
    ],
  });
  // A typed URL goes through the same check as a menu click: no session → sign in; no right → 无权访问.
  router.beforeEach(async (to) => {
    await loadSession();
    const officer = currentOfficer.value;
    if (to.meta.public) return officer && to.path === '/login' ? homePath(officer) : true;
    if (!officer) return { path: '/login', query: to.fullPath === '/' ? {} : { next: to.fullPath } };
    if (to.path === '/') return { path: homePath(officer), replace: true };
    if (to.meta.capability && !may(officer, to.meta.capability)) return { path: '/forbidden', replace: true };
    return true;
  });
  router.afterEach((to) => {
    document.title = `${to.meta.title ?? '办公控制台'} · 职称电子证书`;
  });
  return router;
}
