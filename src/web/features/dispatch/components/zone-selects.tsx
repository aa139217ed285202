import { Select, type SelectProps } from 'antd';
import { useAssignees } from '../api/list-assignees';
import { useDepartments } from '../api/list-departments';

type Props = Omit<SelectProps<string>, 'options' | 'loading'> & {
  /** The zone whose people or departments to offer; null while the form is closed (nothing is fetched). */
  zoneId: string | null;
};

/** A searchable select of a zone's departments, for use inside a Form.Item. */
export function ZoneDepartmentSelect({ zoneId, ...rest }: Props) {
  const departments = useDepartments(zoneId);
  return (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      {...rest}
      loading={departments.isPending && zoneId != null}
      options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
    />
  );
}

/** A searchable select of the people a zone's blockers can be assigned to, for use inside a Form.Item. */
export function ZoneAssigneeSelect({ zoneId, ...rest }: Props) {
  const people = useAssignees(zoneId);
  return (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      {...rest}
      loading={people.isPending && zoneId != null}
      options={(people.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
    />
  );
}
