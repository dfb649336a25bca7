import { Text, View } from '@tarojs/components';
import type { Department } from '@jiuyi/shared';
import { listDepartments } from '../../api/booking-api';
import { Page } from '../../components/page';
import { Section } from '../../components/section';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { StepIndicator } from '../../components/step-indicator';
import { useAsync } from '../../hooks/use-async';
import { RELEASE_NOTE } from '../../utils/booking-format';
import { openSchedule } from '../../utils/booking-navigate';

interface DepartmentGroup {
  title: string;
  departments: Department[];
}

/** Sub-specialties sit under their heading (骨科); the others are listed under 门诊科室. */
function groupDepartments(departments: Department[]): DepartmentGroup[] {
  const groups = new Map<string, Department[]>();
  for (const department of departments) {
    const title = department.group ?? '门诊科室';
    groups.set(title, [...(groups.get(title) ?? []), department]);
  }
  return [...groups].map(([title, list]) => ({ title, departments: list }));
}

function DepartmentRow({ department }: { department: Department }) {
  return (
    <View
      className="dept-row"
      data-testid={`dept-${department.id}`}
      hoverClass="entry-row--pressed"
      onClick={() => openSchedule(department.id)}
    >
      <View className="entry-row__body">
        <Text className="entry-row__title">{department.name}</Text>
        <Text className="dept-row__desc">{department.description}</Text>
      </View>
      <Text className="chevron">›</Text>
    </View>
  );
}

/** Step 1: choose the department. */
function DepartmentsPage() {
  const departments = useAsync(() => listDepartments(), []);
  return (
    <Page testId="page-departments">
      <StepIndicator current={0} />
      <Text className="section__lead booking-note">{RELEASE_NOTE}</Text>
      {departments.status === 'loading' ? <LoadingView /> : null}
      {departments.status === 'error' ? (
        <ErrorView error={departments.error} onRetry={departments.reload} />
      ) : null}
      {departments.status === 'success' && departments.data.length === 0 ? (
        <EmptyView text="暂无可预约的科室" />
      ) : null}
      {departments.status === 'success'
        ? groupDepartments(departments.data).map((group) => (
            <Section key={group.title} title={group.title}>
              {group.departments.map((department) => (
                <DepartmentRow key={department.id} department={department} />
              ))}
            </Section>
          ))
        : null}
    </Page>
  );
}

export default DepartmentsPage;
