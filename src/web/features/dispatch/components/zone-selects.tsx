import { Select, type SelectProps } from 'antd';
import { PersonPicker, type PersonPickerProps } from '../../../components/person-picker';
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

/** The PersonPicker of the people a zone's blockers and decisions can be assigned to, for use inside a Form.Item. */
export function ZoneAssigneeSelect({ zoneId, ...rest }: Omit<PersonPickerProps, 'people'> & { zoneId: string | null }) {
  const people = useAssignees(zoneId);
  return <PersonPicker {...rest} people={people.data} loading={people.isPending && zoneId != null} />;
}
